import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../api/api-context.js';
import { useCurrentUser } from '../auth/session.js';
import { ErrorMessage } from '../components/error-message.js';
import { formatDay } from '../components/format.js';
import { LoadMore, usePagedQuery } from '../components/paged.js';
import { StatusBadge } from './campaign-format.js';
import './campaigns.css';

/** A ward officer's or agency reporter's directives, newest first, each with its rounds: what is due, what was sent. */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const inbox = usePagedQuery(['inbox'], (cursor) => api.inbox(cursor));
  const receive = useMutation({
    mutationFn: (campaignId: number) => api.markReceived(campaignId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['inbox'] }),
  });
  const who = user.agencyName ?? user.unitName;
  return (
    <>
      <h1>{t('campaigns.inbox.title')}</h1>
      <p className="hint">{t('campaigns.inbox.intro', { who })}</p>
      {inbox.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      <ErrorMessage error={inbox.error ?? receive.error} />
      {inbox.data && inbox.items.length === 0 ? <p className="muted">{t('campaigns.inbox.none')}</p> : null}
      {inbox.items.map(({ campaign, recipient, reports }) => (
        <article key={campaign.id} className="card inbox-item" aria-labelledby={`campaign-${campaign.id}`}>
          <h2 id={`campaign-${campaign.id}`}>
            {campaign.documentNumber}: {campaign.title}
          </h2>
          <p className="muted">{t('campaigns.inbox.from', { body: campaign.issuingBody, day: formatDay(campaign.issuedOn, i18n.language) })}</p>
          {recipient.receivedAt ? (
            <p className="hint">{t('campaigns.inbox.received')}</p>
          ) : (
            <button type="button" className="button-secondary button-small" disabled={receive.isPending} onClick={() => receive.mutate(campaign.id)}>
              {t('campaigns.inbox.markReceived')}
            </button>
          )}
          <ul className="round-list">
            {campaign.rounds.map((round) => {
              const report = reports.find((r) => r.roundNo === round.roundNo) ?? { status: 'not_started' as const, late: false };
              const done = report.status === 'submitted' || report.status === 'accepted' || round.closedAt !== null;
              return (
                <li key={round.roundNo}>
                  <div>
                    <strong>{round.name}</strong> <StatusBadge status={report.status} late={report.late} />
                    <p className="hint">
                      {t('campaigns.round.deadline', { day: formatDay(round.deadline, i18n.language) })}
                      {round.closedAt ? ` · ${t('campaigns.round.closed')}` : ''}
                    </p>
                  </div>
                  <Link className={done ? 'button-link button-secondary' : 'button-link'} to={`/campaigns/${campaign.id}/rounds/${round.roundNo}/report`}>
                    {done ? t('campaigns.inbox.view', { round: round.name }) : t('campaigns.inbox.report', { round: round.name })}
                  </Link>
                </li>
              );
            })}
          </ul>
        </article>
      ))}
      <LoadMore query={inbox} />
    </>
  );
}
