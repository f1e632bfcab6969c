import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { useCurrentUser } from '../auth/session.js';
import type { UserFilter } from '../api/bluezone-api.js';
import { ROLES, type Role, type User, type UserChanges } from '../api/types.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { ErrorMessage, SuccessMessage } from '../components/error-message.js';
import { LoadMore, usePagedQuery } from '../components/paged.js';
import { ResponsiveTable } from '../components/responsive-table.js';
import { Field } from '../forms/field.js';
import { SEARCH_TEXT, UNIT_CODE } from '../forms/specs.js';
import { useFormCheck } from '../forms/use-form-check.js';
import { UserForm, emptyUserForm, userFormOf } from './user-form.js';

type Panel = { kind: 'none' } | { kind: 'create' } | { kind: 'edit'; user: User };

// Keyed by the query's names, as the server reports them (listUsersQuerySchema).
const FILTER_SPECS = { q: { ...SEARCH_TEXT, labelKey: 'users.search' }, role: { labelKey: 'users.role' }, unit: UNIT_CODE };

export function UsersPage() {
  const { t } = useTranslation();
  const api = useApi();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Required<UserFilter>>({ q: '', role: '', unit: '' });
  const [filter, setFilter] = useState<UserFilter>({});
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [notice, setNotice] = useState<string | null>(null);
  const [disabling, setDisabling] = useState<User | null>(null);
  const users = usePagedQuery(['users', filter], (cursor) => api.listUsers(filter, cursor));
  const filterCheck = useFormCheck(FILTER_SPECS, users.error);
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
    if (!filterCheck.check({ q: draft.q, unit: draft.unit })) return;
    setFilter({ q: draft.q.trim(), role: draft.role, unit: draft.unit.trim() });
  };
  const clearFilter = () => {
    setDraft({ q: '', role: '', unit: '' });
    setFilter({});
  };
  const editDraft = (key: keyof UserFilter, value: string) => {
    filterCheck.touched(key);
    setDraft({ ...draft, [key]: value });
  };

  const list = users.items;
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
              username: value.username.trim().toLowerCase(),
              displayName: value.displayName.trim(),
              password: value.password,
              role: value.role,
              unitCode: value.unit.code,
              ...(value.role === 'agency_reporter' ? { agencyCode: value.agencyCode.trim() } : {}),
              ...(value.email.trim() ? { email: value.email.trim() } : {}),
              ...(value.phone.trim() ? { phone: value.phone.trim() } : {}),
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
                // The server drops the agency when the role leaves agency_reporter.
                ...(value.role === 'agency_reporter' ? { agencyCode: value.agencyCode.trim() } : {}),
                email: value.email.trim() || null,
                phone: value.phone.trim() || null,
              },
            })
          }
        />
      ) : null}

      <form role="search" className="card filters" aria-label={t('users.filters')} onSubmit={applyFilter} noValidate>
        <Field label={t('users.search')} id={filterCheck.idOf('q')} error={filterCheck.errorOf('q')} plain>
          {(control) => <input {...control} type="search" value={draft.q} onChange={(e) => editDraft('q', e.target.value)} />}
        </Field>
        <Field label={t('users.role')} id={filterCheck.idOf('role')} error={filterCheck.errorOf('role')} plain>
          {(control) => (
            <select {...control} value={draft.role} onChange={(e) => editDraft('role', e.target.value as Role | '')}>
              <option value="">{t('users.anyRole')}</option>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('users.unitCode')}
          hint={t('users.unitFilterHint')}
          id={filterCheck.idOf('unit')}
          error={filterCheck.errorOf('unit')}
          plain
        >
          {(control) => (
            <input {...control} autoCapitalize="none" spellCheck={false} value={draft.unit} onChange={(e) => editDraft('unit', e.target.value)} />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit">{t('common.search')}</button>
          <button type="button" className="button-secondary" onClick={clearFilter}>
            {t('common.clear')}
          </button>
        </div>
      </form>

      {users.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      <ErrorMessage error={users.error} fieldsShown={filterCheck.hasServerFieldIssues} others={filterCheck.otherIssues} />
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
            { label: t('users.unit'), render: (user) => `${user.unitName} (${user.unitCode})` },
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
                      // Not `disabled`: a disabled button cannot take focus back when the confirmation closes.
                      aria-disabled={update.isPending}
                      onClick={() => {
                        if (update.isPending) return;
                        if (user.disabled) update.mutate({ user, changes: { disabled: false } });
                        else setDisabling(user);
                      }}
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
      <LoadMore query={users} />
      {panel.kind === 'none' ? <ErrorMessage error={update.error} /> : null}
      <ConfirmDialog
        open={disabling !== null}
        title={t('users.disableTitle', { username: disabling?.username ?? '' })}
        body={t('users.disableBody', { name: disabling?.displayName ?? '' })}
        confirmLabel={t('users.disableConfirm')}
        onCancel={() => setDisabling(null)}
        onConfirm={() => {
          if (disabling) update.mutate({ user: disabling, changes: { disabled: true } });
          setDisabling(null);
        }}
      />
    </>
  );
}
