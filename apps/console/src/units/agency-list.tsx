import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { AGENCY_GROUP_SUGGESTIONS } from '../api/contract-values.js';
import type { Agency } from '../api/types.js';
import { ErrorMessage, SuccessMessage } from '../components/error-message.js';
import { LoadMore, usePagedQuery } from '../components/paged.js';
import { Field } from '../forms/field.js';
import { AGENCY_CODE, AGENCY_GROUP, AGENCY_NAME } from '../forms/specs.js';
import { useFormCheck } from '../forms/use-form-check.js';

interface AgencyFormValue {
  code: string;
  name: string;
  group: string;
}

// Keyed by the names of createAgencyRequestSchema, as the server reports its field problems.
const SPECS = { name: AGENCY_NAME, code: AGENCY_CODE, group: AGENCY_GROUP };

function AgencyForm({
  title,
  initial,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  title: string;
  initial: AgencyFormValue;
  pending: boolean;
  error: unknown;
  onSubmit: (value: AgencyFormValue) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState(initial);
  const form = useFormCheck(SPECS, error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.check(value)) onSubmit(value);
  };
  const field = (key: keyof AgencyFormValue, hint?: string) => (
    <Field label={t(SPECS[key].labelKey)} id={form.idOf(key)} error={form.errorOf(key)} hint={hint} optional={!SPECS[key].required}>
      {(control) => (
        <input
          {...control}
          value={value[key]}
          list={key === 'group' ? `${id}-groups` : undefined}
          onChange={(event) => {
            form.touched(key);
            setValue({ ...value, [key]: event.target.value });
          }}
        />
      )}
    </Field>
  );
  return (
    <form className="card form-inline" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h4 id={`${id}-title`}>{title}</h4>
      {field('name')}
      {field('code', t('agencies.codeHint'))}
      {field('group')}
      <datalist id={`${id}-groups`}>
        {AGENCY_GROUP_SUGGESTIONS.map((group) => (
          <option key={group} value={group} />
        ))}
      </datalist>
      <ErrorMessage error={error} fieldsShown={form.hasServerFieldIssues} others={form.otherIssues} />
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? t('common.saving') : t('common.save')}
        </button>
        {onCancel ? (
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** The agencies of one unit; administrators may add and edit them. */
export function AgencyList({ unitCode, unitName, manage }: { unitCode: string; unitName: string; manage: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const queryKey = ['agencies', unitCode];
  const agencies = usePagedQuery(queryKey, (cursor) => api.agencies(unitCode, cursor));
  const [editing, setEditing] = useState<Agency | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const optional = (text: string) => (text.trim() ? text.trim() : undefined);
  const create = useMutation({
    mutationFn: (value: AgencyFormValue) =>
      api.createAgency({ name: value.name.trim(), code: optional(value.code), group: optional(value.group), unitCode }),
    onSuccess: async () => {
      setAdding(false);
      setNotice(t('agencies.created'));
      await queryClient.invalidateQueries({ queryKey });
    },
  });
  const update = useMutation({
    mutationFn: ({ agency, value }: { agency: Agency; value: AgencyFormValue }) =>
      api.updateAgency(agency.id, {
        name: value.name.trim(),
        code: optional(value.code),
        // An emptied group field clears the group; the code cannot be cleared, only changed.
        group: optional(value.group) ?? null,
      }),
    onSuccess: async () => {
      setEditing(null);
      setNotice(t('agencies.saved'));
      await queryClient.invalidateQueries({ queryKey });
    },
  });

  const list = agencies.items;
  return (
    <section className="agencies" aria-labelledby={`agencies-${unitCode}`}>
      <h3 id={`agencies-${unitCode}`}>{t('agencies.title')}</h3>
      {agencies.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      <ErrorMessage error={agencies.error} />
      <SuccessMessage>{notice}</SuccessMessage>
      {agencies.data && list.length === 0 ? <p className="muted">{t('agencies.none')}</p> : null}
      {list.length > 0 ? (
        <ul className="agency-list">
          {list.map((agency) => (
            <li key={agency.id}>
              {editing?.id === agency.id ? (
                <AgencyForm
                  title={t('agencies.editTitle', { name: agency.name })}
                  initial={{ code: agency.code ?? '', name: agency.name, group: agency.group ?? '' }}
                  pending={update.isPending}
                  error={update.error}
                  onSubmit={(value) => update.mutate({ agency, value })}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <div className="agency-row">
                  <span>
                    {agency.name}
                    <span className="muted">
                      {' '}
                      · {agency.code}
                      {agency.group ? ` · ${agency.group}` : ''}
                    </span>
                  </span>
                  {manage ? (
                    <button
                      type="button"
                      className="button-small button-secondary"
                      aria-label={`${t('common.edit')} ${agency.name}`}
                      onClick={() => {
                        update.reset();
                        setNotice(null);
                        setEditing(agency);
                      }}
                    >
                      {t('common.edit')}
                    </button>
                  ) : null}
                </div>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <LoadMore query={agencies} />
      {manage && !adding ? (
        <button
          type="button"
          onClick={() => {
            create.reset();
            setNotice(null);
            setAdding(true);
          }}
        >
          {t('agencies.add')}
        </button>
      ) : null}
      {manage && adding ? (
        <AgencyForm
          title={t('agencies.addTitle', { unit: unitName })}
          initial={{ code: '', name: '', group: '' }}
          pending={create.isPending}
          error={create.error}
          onSubmit={(value) => create.mutate(value)}
          onCancel={() => setAdding(false)}
        />
      ) : null}
    </section>
  );
}
