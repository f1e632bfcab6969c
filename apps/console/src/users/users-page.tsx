import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { useCurrentUser } from '../auth/session.js';
import type { UserFilter } from '../api/bluezone-api.js';
import { ROLES, type Role, type User, type UserChanges } from '../api/types.js';
import { ErrorMessage, SuccessMessage } from '../components/error-message.js';
import { ResponsiveTable } from '../components/responsive-table.js';
import { UserForm, emptyUserForm, userFormOf } from './user-form.js';

type Panel = { kind: 'none' } | { kind: 'create' } | { kind: 'edit'; user: User };

export function UsersPage() {
  const { t } = useTranslation();
  const api = useApi();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<UserFilter>({ q: '', role: '', unit: '' });
  const [filter, setFilter] = useState<UserFilter>({});
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [notice, setNotice] = useState<string | null>(null);
  const users = useQuery({ queryKey: ['users', filter], queryFn: () => api.listUsers(filter) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['users'] });

  const create = useMutation({
    mutationFn: api.createUser,
    onSuccess: async ({ user }) => {
      setPanel({ kind: 'none' });
      setNotice(t('users.created', { username: user.username }));
      await refresh();
    },
  });
  const update = useMutation({
    mutationFn: ({ user, changes }: { user: User; changes: UserChanges }) => api.updateUser(user.id, changes),
    onSuccess: async ({ user }) => {
      setPanel({ kind: 'none' });
      setNotice(t('users.saved', { username: user.username }));
      await refresh();
    },
  });

  const openPanel = (next: Panel) => {
    create.reset();
    update.reset();
    setNotice(null);
    setPanel(next);
  };
  const applyFilter = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ q: draft.q?.trim(), role: draft.role, unit: draft.unit?.trim() });
  };
  const clearFilter = () => {
    setDraft({ q: '', role: '', unit: '' });
    setFilter({});
  };

  const list = users.data?.users ?? [];
  return (
    <>
      <div className="page-heading">
        <h1>{t('users.title')}</h1>
        {panel.kind === 'none' ? (
          <button type="button" onClick={() => openPanel({ kind: 'create' })}>
            {t('users.add')}
          </button>
        ) : null}
      </div>
      <SuccessMessage>{notice}</SuccessMessage>

      {panel.kind === 'create' ? (
        <UserForm
          mode="create"
          title={t('users.addTitle')}
          initial={emptyUserForm()}
          pending={create.isPending}
          error={create.error}
          onCancel={() => openPanel({ kind: 'none' })}
          onSubmit={(value) =>
            create.mutate({
              username: value.username.trim(),
              displayName: value.displayName.trim(),
              password: value.password,
              role: value.role,
              unitCode: value.unit.code,
            })
          }
        />
      ) : null}
      {panel.kind === 'edit' ? (
        <UserForm
          key={panel.user.id}
          mode="edit"
          title={t('users.editTitle', { username: panel.user.username })}
          initial={userFormOf(panel.user)}
          pending={update.isPending}
          error={update.error}
          onCancel={() => openPanel({ kind: 'none' })}
          onSubmit={(value) =>
            update.mutate({
              user: panel.user,
              changes: {
                displayName: value.displayName.trim(),
                role: value.role,
                unitCode: value.unit.code,
                disabled: value.disabled,
                ...(value.password ? { password: value.password } : {}),
              },
            })
          }
        />
      ) : null}

      <form role="search" className="card filters" aria-label={t('users.filters')} onSubmit={applyFilter}>
        <div className="field">
          <label htmlFor="users-q">{t('users.search')}</label>
          <input id="users-q" type="search" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="users-role">{t('users.role')}</label>
          <select
            id="users-role"
            value={draft.role}
            onChange={(e) => setDraft({ ...draft, role: e.target.value as Role | '' })}
          >
            <option value="">{t('users.anyRole')}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="users-unit">{t('users.unitCode')}</label>
          <input
            id="users-unit"
            inputMode="numeric"
            value={draft.unit}
            onChange={(e) => setDraft({ ...draft, unit: e.target.value })}
          />
        </div>
        <div className="form-actions">
          <button type="submit">{t('common.search')}</button>
          <button type="button" className="button-secondary" onClick={clearFilter}>
            {t('common.clear')}
          </button>
        </div>
      </form>

      {users.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      <ErrorMessage error={users.error} />
      {users.data ? <p className="muted" aria-live="polite">{t('users.count', { count: list.length })}</p> : null}
      {users.data && list.length === 0 ? <p>{t('users.none')}</p> : null}
      {list.length > 0 ? (
        <ResponsiveTable
          caption={t('users.title')}
          rows={list}
          rowKey={(user) => user.id}
          columns={[
            { label: t('profile.displayName'), render: (user) => user.displayName },
            { label: t('profile.username'), render: (user) => user.username },
            { label: t('users.role'), render: (user) => t(`roles.${user.role}`) },
            { label: t('users.unit'), render: (user) => user.unitName },
            {
              label: t('users.status'),
              render: (user) => (
                <span className={user.disabled ? 'badge badge-off' : 'badge badge-on'}>
                  {user.disabled ? t('users.disabled') : t('users.active')}
                </span>
              ),
            },
            {
              label: t('common.actions'),
              className: 'row-actions',
              render: (user) => (
                <>
                  <button
                    type="button"
                    className="button-small button-secondary"
                    aria-label={`${t('common.edit')} ${user.username}`}
                    onClick={() => openPanel({ kind: 'edit', user })}
                  >
                    {t('common.edit')}
                  </button>
                  {/* Locking oneself out is never what an administrator means to do. */}
                  {user.id === me.id ? null : (
                    <button
                      type="button"
                      className="button-small button-secondary"
                      aria-label={`${user.disabled ? t('users.enable') : t('users.disable')} ${user.username}`}
                      disabled={update.isPending}
                      onClick={() => update.mutate({ user, changes: { disabled: !user.disabled } })}
                    >
                      {user.disabled ? t('users.enable') : t('users.disable')}
                    </button>
                  )}
                </>
              ),
            },
          ]}
        />
      ) : null}
      {panel.kind === 'none' ? <ErrorMessage error={update.error} /> : null}
    </>
  );
}
