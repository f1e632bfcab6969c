import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { ErrorMessage } from '../components/error-message.js';
import { describeDetail, formatDateTime } from '../components/format.js';
import { ResponsiveTable } from '../components/responsive-table.js';

export const AUDIT_PAGE_SIZE = 50;

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [draft, setDraft] = useState({ actor: '', action: '' });
  const [filter, setFilter] = useState({ actor: '', action: '' });
  // The server pages by cursor: remember the cursors already walked so "newer" can step back.
  const [cursors, setCursors] = useState<number[]>([]);
  const before = cursors.at(-1);
  const audit = useQuery({
    queryKey: ['audit', filter, before ?? ''],
    queryFn: () =>
      api.audit({ limit: AUDIT_PAGE_SIZE, before, actor: filter.actor || undefined, action: filter.action || undefined }),
    placeholderData: keepPreviousData,
  });

  const applyFilter = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ actor: draft.actor.trim(), action: draft.action.trim() });
    setCursors([]);
  };

  const entries = audit.data?.entries ?? [];
  const nextBefore = audit.data?.nextBefore ?? null;
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <form role="search" className="card filters" aria-label={t('audit.filters')} onSubmit={applyFilter}>
        <div className="field">
          <label htmlFor="audit-actor">{t('audit.actor')}</label>
          <input
            id="audit-actor"
            autoCapitalize="none"
            value={draft.actor}
            onChange={(e) => setDraft({ ...draft, actor: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-action">{t('audit.action')}</label>
          <input
            id="audit-action"
            autoCapitalize="none"
            value={draft.action}
            onChange={(e) => setDraft({ ...draft, action: e.target.value })}
          />
        </div>
        <div className="form-actions">
          <button type="submit">{t('common.search')}</button>
        </div>
      </form>
      {audit.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      <ErrorMessage error={audit.error} />
      {audit.data && entries.length === 0 ? <p>{t('audit.none')}</p> : null}
      {entries.length > 0 ? (
        <ResponsiveTable
          caption={t('audit.title')}
          rows={entries}
          rowKey={(entry) => entry.id}
          columns={[
            { label: t('audit.at'), render: (entry) => <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time> },
            { label: t('audit.actor'), render: (entry) => entry.actorUsername ?? t('common.none') },
            { label: t('audit.action'), render: (entry) => <code>{entry.action}</code> },
            {
              label: t('audit.target'),
              render: (entry) =>
                entry.targetType ? `${entry.targetType}${entry.targetId ? ` ${entry.targetId}` : ''}` : t('common.none'),
            },
            { label: t('audit.detail'), render: (entry) => describeDetail(entry.detail) || t('common.none'), className: 'detail-cell' },
          ]}
        />
      ) : null}
      <nav className="pager" aria-label={t('audit.page', { page: cursors.length + 1 })}>
        <button type="button" className="button-secondary" disabled={cursors.length === 0} onClick={() => setCursors([])}>
          {t('audit.newest')}
        </button>
        <span className="muted">{t('audit.page', { page: cursors.length + 1 })}</span>
        <button
          type="button"
          className="button-secondary"
          disabled={nextBefore === null || audit.isFetching}
          onClick={() => nextBefore !== null && setCursors([...cursors, nextBefore])}
        >
          {t('audit.older')}
        </button>
      </nav>
    </>
  );
}
