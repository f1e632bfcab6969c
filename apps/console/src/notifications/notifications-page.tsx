import type { Notification } from '@bluezone/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../api/api-context.js';
import { ErrorMessage } from '../components/error-message.js';
import { formatDateTime } from '../components/format.js';
import { LoadMore, usePagedQuery } from '../components/paged.js';
import { notificationText } from './notification-text.js';
import '../declarations/declarations.css';

/** The official's own notifications, newest first; opening one marks it read. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const list = usePagedQuery(['notifications'], (cursor) => api.notifications(false, cursor));
  const read = useMutation({
    mutationFn: (ids: number[] | 'all') => api.markNotificationsRead(ids),
    onSuccess: ({ unread }) => {
      queryClient.setQueryData(['notifications', 'unread'], unread);
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
  const items: Notification[] = list.items;
  return (
    <>
      <div className="page-heading">
        <h1>{t('notifications.title')}</h1>
        {items.some((n) => n.readAt === null) ? (
          <button type="button" className="button-secondary" disabled={read.isPending} onClick={() => read.mutate('all')}>
            {t('notifications.markAll')}
          </button>
        ) : null}
      </div>
      <ErrorMessage error={list.error ?? read.error} />
      {list.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {list.data && items.length === 0 ? <p>{t('notifications.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="card notification-list">
          {items.map((n) => (
            <li key={n.id} className={n.readAt === null ? 'notification-unread' : undefined}>
              {n.readAt === null ? <span className="visually-hidden">{t('notifications.unread')}: </span> : null}
              {n.link ? (
                <Link to={n.link} onClick={() => (n.readAt === null ? read.mutate([n.id]) : undefined)}>
                  {notificationText(t, i18n.language, n)}
                </Link>
              ) : (
                notificationText(t, i18n.language, n)
              )}{' '}
              <span className="muted">{formatDateTime(n.createdAt, i18n.language)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <LoadMore query={list} />
    </>
  );
}
