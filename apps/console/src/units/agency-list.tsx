import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { AGENCY_GROUP_SUGGESTIONS } from '../api/contract-values.js';
import type { Agency } from '../api/types.js';
import { ErrorMessage, SuccessMessage } from '../components/error-message.js';
import { LoadMore, usePagedQuery } from '../components/paged.js';
import { AGENCY_CODE, AGENCY_GROUP, AGENCY_NAME } from '../forms/specs.js';
import { TextFieldsForm, type TextValues } from '../forms/text-fields-form.js';

// Keyed by the names of createAgencyRequestSchema, as the server reports its field problems.
const SPECS = { name: AGENCY_NAME, code: AGENCY_CODE, group: AGENCY_GROUP };
type AgencyValues = TextValues<keyof typeof SPECS>;

/** The agency form: name, code (made from the unit's when left empty) and group, with the usual groups suggested. */
function AgencyForm(props: { title: string; initial: AgencyValues; pending: boolean; error: unknown; onSubmit: (value: AgencyValues) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <TextFieldsForm
      {...props}
      specs={SPECS}
      hints={{ code: t('agencies.codeHint') }}
      suggestions={{ group: AGENCY_GROUP_SUGGESTIONS.map((group) => ({ value: group })) }}
      submitLabel={t('common.save')}
    />
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
    mutationFn: (value: AgencyValues) =>
      api.createAgency({ name: value.name.trim(), code: optional(value.code), group: optional(value.group), unitCode }),
    onSuccess: async () => {
      setAdding(false);
      setNotice(t('agencies.created'));
      await queryClient.invalidateQueries({ queryKey });
    },
  });
  const update = useMutation({
    mutationFn: ({ agency, value }: { agency: Agency; value: AgencyValues }) =>
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
