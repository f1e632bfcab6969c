import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../api/api-context.js';
import { ErrorMessage } from '../components/error-message.js';
import { formatDay } from '../components/format.js';
import { LoadMore, usePagedQuery } from '../components/paged.js';
import { ResponsiveTable } from '../components/responsive-table.js';
import './campaigns.css';

/** A campaign issuer's campaigns (their unit's and those below it), newest first. */
export function CampaignsPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const campaigns = usePagedQuery(['campaigns'], (cursor) => api.campaigns(cursor));
  return (
    <>
      <div className="page-heading">
        <h1>{t('campaigns.list.title')}</h1>
        <Link className="button-link" to="/campaigns/new">
          {t('campaigns.list.create')}
        </Link>
      </div>
      <p className="hint">{t('campaigns.list.intro')}</p>
      {campaigns.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      <ErrorMessage error={campaigns.error} />
      {campaigns.data && campaigns.items.length === 0 ? <p className="muted">{t('campaigns.list.none')}</p> : null}
      {campaigns.items.length > 0 ? (
        <ResponsiveTable
          caption={t('campaigns.list.caption')}
          rows={campaigns.items}
          rowKey={(c) => c.id}
          columns={[
            {
              label: t('campaigns.document.number'),
              render: (c) => (
                <Link to={`/campaigns/${c.id}`} aria-label={t('campaigns.list.open', { number: c.documentNumber })}>
                  {c.documentNumber}
                </Link>
              ),
            },
            { label: t('campaigns.document.issuedOn'), render: (c) => formatDay(c.issuedOn, i18n.language) },
            { label: t('campaigns.document.title'), render: (c) => c.title },
            { label: t('campaigns.document.recipients'), className: 'numeric', render: (c) => t('campaigns.document.recipientCount', { count: c.recipientCount }) },
            {
              label: t('campaigns.round.label'),
              render: (c) =>
                c.rounds.map((r) => (
                  <span key={r.roundNo} className="round-chip">
                    {r.name}: {r.closedAt ? t('campaigns.round.closed') : t('campaigns.round.deadline', { day: formatDay(r.deadline, i18n.language) })}
                  </span>
                )),
            },
          ]}
        />
      ) : null}
      <LoadMore query={campaigns} />
    </>
  );
}
