import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useUnreadCount } from './notifications.js';

/** The header's link to the notifications, with the unread count as a badge (and in its accessible name). */
export function NotificationBadge() {
  const { t, i18n } = useTranslation();
  const unread = useUnreadCount(true).data ?? 0;
  return (
    <NavLink to="/notifications" className="notification-link" aria-label={t('notifications.badge', { count: unread })}>
      {t('notifications.nav')}
      {unread > 0 ? (
        <span className="notification-count" aria-hidden="true">
          {new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN').format(unread)}
        </span>
      ) : null}
    </NavLink>
  );
}
