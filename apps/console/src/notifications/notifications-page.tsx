import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../api/api-context.js';
import { ErrorMessage } from '../components/error-message.js';
import { formatDateTime } from '../components/format.js';
import { LoadMore, usePagedQuery } from '../components/paged.js';
import { notificationText } from './notification-text.js';
import { useMarkRead } from './notifications.js';

/** Every official's own notifications, newest first: what a reminder or a returned report said, with where to go. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const list = usePagedQuery(['notifications', 'list'], (cursor) => api.notifications(cursor));
  const markRead = useMarkRead();
  const unread = list.items.some((n) => n.readAt === null);
  return (
    <>
      <div className="page-heading">
        <h1>{t('notifications.title')}</h1>
        {unread ? (
          <button type="button" className="button-secondary" disabled={markRead.isPending} onClick={() => markRead.mutate('all')}>
            {t('notifications.markAll')}
          </button>
        ) : null}
      </div>
      {list.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      <ErrorMessage error={list.error ?? markRead.error} />
      {list.data && list.items.length === 0 ? <p className="muted">{t('notifications.none')}</p> : null}
      <ul className="notification-list">
        {list.items.map((n) => (
          <li key={n.id} className={n.readAt === null ? 'card notification unread' : 'card notification'}>
            <p className="notification-meta">
              {n.readAt === null ? <span className="badge badge-off">{t('notifications.unread')}</span> : null}{' '}
              <span className="muted">{formatDateTime(n.createdAt, i18n.language)}</span>
            </p>
            <p>{notificationText(t, n, i18n.language)}</p>
            <div className="form-actions">
              {n.link ? (
                <Link to={n.link} onClick={() => (n.readAt === null ? markRead.mutate([n.id]) : undefined)}>
                  {t('notifications.open')}
                </Link>
              ) : null}
              {n.readAt === null ? (
                <button type="button" className="button-small button-secondary" onClick={() => markRead.mutate([n.id])}>
                  {t('notifications.markRead')}
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      <LoadMore query={list} />
    </>
  );
}
