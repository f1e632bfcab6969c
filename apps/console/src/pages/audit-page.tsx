import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { AUDIT_ACTIONS } from '../api/contract-values.js';
import type { AuditAction, AuditFilter } from '../api/types.js';
import { ErrorMessage, SuccessMessage } from '../components/error-message.js';
import { describeDetail, formatDateTime, parseDay } from '../components/format.js';
import { LoadMore, usePagedQuery } from '../components/paged.js';
import { ResponsiveTable } from '../components/responsive-table.js';
import { Field } from '../forms/field.js';
import { DAY } from '../forms/specs.js';
import { useFormCheck } from '../forms/use-form-check.js';
import { saveFile } from '../components/save-file.js';
import { DayInput } from '../forms/day-input.js';

const ACTIONS = Object.keys(AUDIT_ACTIONS) as AuditAction[];

/** An action as its reader says it; an action this console does not know yet (a newer server) shows as it came. */
export function auditActionLabel(action: string, language: string): string {
  const labels = (AUDIT_ACTIONS as Record<string, { vi: string; en: string }>)[action];
  if (!labels) return action;
  return language === 'en' ? labels.en : labels.vi;
}

// Keyed by the names of auditFilterSchema, as the server reports its field problems.
const SPECS = {
  actor: { labelKey: 'audit.actor', maxLength: 64 },
  action: { labelKey: 'audit.action' },
  from: { ...DAY, labelKey: 'audit.from' },
  to: { ...DAY, labelKey: 'audit.to' },
};

interface Draft {
  actor: string;
  action: AuditAction | '';
  from: string;
  to: string;
}

const EMPTY: Draft = { actor: '', action: '', from: '', to: '' };

/** The filter a checked draft asks for; days go to the server as YYYY-MM-DD. */
function filterOf(draft: Draft): AuditFilter {
  const from = parseDay(draft.from);
  const to = parseDay(draft.to);
  return {
    ...(draft.actor.trim() ? { actor: draft.actor.trim() } : {}),
    ...(draft.action ? { action: draft.action } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [filter, setFilter] = useState<AuditFilter>({});
  const audit = usePagedQuery(['audit', filter], (cursor) => api.audit(filter, cursor));
  const check = useFormCheck(SPECS, audit.error);
  const download = useMutation({
    mutationFn: () => api.auditExport(filter),
    onSuccess: ({ blob, fileName }) => saveFile(blob, fileName ?? t('audit.exportFileName')),
  });

  const edit = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    check.touched(key);
    setDraft({ ...draft, [key]: value });
  };
  const applyFilter = (event: FormEvent) => {
    event.preventDefault();
    const from = parseDay(draft.from);
    const to = parseDay(draft.to);
    const order = from && to && to < from ? t('fields.issue', { field: t('audit.to'), problem: t('audit.dateOrder') }) : undefined;
    if (!check.check({ actor: draft.actor, from: draft.from, to: draft.to }, { to: order })) return;
    download.reset();
    setFilter(filterOf(draft));
  };
  const clearFilter = () => {
    setDraft(EMPTY);
    download.reset();
    setFilter({});
  };

  const entries = audit.items;
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <form role="search" className="card filters" aria-label={t('audit.filters')} onSubmit={applyFilter} noValidate>
        <Field label={t('audit.actor')} id={check.idOf('actor')} error={check.errorOf('actor')} plain>
          {(control) => (
            <input {...control} autoCapitalize="none" spellCheck={false} value={draft.actor} onChange={(e) => edit('actor', e.target.value)} />
          )}
        </Field>
        <Field label={t('audit.action')} id={check.idOf('action')} error={check.errorOf('action')} plain>
          {(control) => (
            <select {...control} value={draft.action} onChange={(e) => edit('action', e.target.value as AuditAction | '')}>
              <option value="">{t('audit.anyAction')}</option>
              {ACTIONS.map((action) => (
                <option key={action} value={action}>
                  {auditActionLabel(action, i18n.language)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {(['from', 'to'] as const).map((name) => (
          <Field key={name} label={t(SPECS[name].labelKey)} id={check.idOf(name)} error={check.errorOf(name)} hint={t('audit.datesHint')} plain>
            {(control) => (
              <DayInput
                {...control}
                value={draft[name]}
                onChange={(e) => edit(name, e.target.value)}
              />
            )}
          </Field>
        ))}
        <div className="form-actions">
          <button type="submit">{t('common.search')}</button>
          <button type="button" className="button-secondary" onClick={clearFilter}>
            {t('common.clear')}
          </button>
        </div>
      </form>

      <div className="export-bar">
        <button type="button" className="button-secondary" aria-describedby="audit-export-hint" disabled={download.isPending} onClick={() => download.mutate()}>
          {download.isPending ? t('audit.exporting') : t('audit.export')}
        </button>
        <p id="audit-export-hint" className="hint">
          {t('audit.exportHint')}
        </p>
      </div>
      <ErrorMessage error={download.error} />
      <SuccessMessage>{download.data ? t('audit.exported', { file: download.data.fileName ?? t('audit.exportFileName') }) : null}</SuccessMessage>

      {audit.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      <ErrorMessage error={audit.error} fieldsShown={check.hasServerFieldIssues} others={check.otherIssues} />
      {audit.data && entries.length === 0 ? <p>{t('audit.none')}</p> : null}
      {entries.length > 0 ? (
        <ResponsiveTable
          caption={t('audit.title')}
          rows={entries}
          rowKey={(entry) => entry.id}
          columns={[
            { label: t('audit.at'), render: (entry) => <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time> },
            {
              label: t('audit.actor'),
              render: (entry) =>
                entry.actorUsername ? (
                  <>
                    {entry.actorUsername}
                    {entry.actorUnitCode ? <span className="muted"> · {entry.actorUnitCode}</span> : null}
                  </>
                ) : (
                  t('common.none')
                ),
            },
            { label: t('audit.action'), render: (entry) => <span data-action={entry.action}>{auditActionLabel(entry.action, i18n.language)}</span> },
            {
              label: t('audit.target'),
              render: (entry) =>
                entry.targetType ? `${entry.targetType}${entry.targetId ? ` ${entry.targetId}` : ''}` : t('common.none'),
            },
            { label: t('audit.detail'), render: (entry) => describeDetail(entry.detail) || t('common.none'), className: 'detail-cell' },
          ]}
        />
      ) : null}
      <LoadMore query={audit} />
    </>
  );
}
