import type { Campaign } from '@bluezone/contract';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { formatDay } from '../components/format.js';
import { formatBytes } from '../stats/format.js';

/**
 * The directive as its readers need it: number, date, issuing body, subject, text and attached files. Collapsed on a
 * reporter's phone, where the form comes first.
 */
export function CampaignDocument({ campaign, collapsed = false }: { campaign: Campaign; collapsed?: boolean }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const facts = (
    <>
      <dl className="facts">
        <div>
          <dt>{t('campaigns.document.number')}</dt>
          <dd>{campaign.documentNumber}</dd>
        </div>
        <div>
          <dt>{t('campaigns.document.issuedOn')}</dt>
          <dd>{formatDay(campaign.issuedOn, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('campaigns.document.issuingBody')}</dt>
          <dd>{campaign.issuingBody}</dd>
        </div>
        <div>
          <dt>{t('campaigns.document.title')}</dt>
          <dd>{campaign.title}</dd>
        </div>
        <div>
          <dt>{t('campaigns.document.recipients')}</dt>
          <dd>{t('campaigns.document.recipientCount', { count: campaign.recipientCount })}</dd>
        </div>
      </dl>
      {campaign.body ? <p className="document-body">{campaign.body}</p> : null}
      {campaign.attachments.length > 0 ? (
        <>
          <h3>{t('campaigns.document.attachments')}</h3>
          <ul className="attachment-list">
            {campaign.attachments.map((a) => (
              <li key={a.id}>
                <a href={api.attachmentPath(campaign.id, a.id)} download={a.fileName}>
                  {a.fileName}
                </a>{' '}
                <span className="muted">({formatBytes(a.bytes, i18n.language)})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
  if (collapsed) {
    return (
      <details className="card document">
        <summary>{t('campaigns.report.documentTitle', { number: campaign.documentNumber })}: {campaign.title}</summary>
        {facts}
      </details>
    );
  }
  return <section className="card document">{facts}</section>;
}
