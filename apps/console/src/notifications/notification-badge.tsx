import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useApi } from '../api/api-context.js';

/** How often the badge asks for the unread count: a new declaration shows within half a minute on any open console. */
const REFRESH_MS = 30_000;

/** The link to the official's notifications, with the count of unread ones, kept fresh while the console is open. */
export function NotificationBadge() {
  const { t } = useTranslation();
  const api = useApi();
  const unread = useQuery({ queryKey: ['notifications', 'unread'], queryFn: () => api.unreadNotifications(), refetchInterval: REFRESH_MS, refetchIntervalInBackground: false });
  const count = unread.data ?? 0;
  return (
    <NavLink to="/notifications" className="notification-link">
      {t('notifications.title')}
      {count > 0 ? (
        <span className="badge badge-unread" aria-live="polite">
          <span aria-hidden="true">{count}</span>
          <span className="visually-hidden">{t('notifications.badge', { count })}</span>
        </span>
      ) : null}
    </NavLink>
  );
}
