import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import type { User } from '../api/types.js';
import { useLogout } from '../auth/session.js';
import { LanguageSwitch } from './language-switch.js';
import { NotificationBadge } from '../notifications/notification-badge.js';

/** Navigation shows only what the role may open; the server enforces the same rules on every call. */
function navigationFor(user: User | null) {
  if (!user) return [];
  const items = [{ to: '/', key: 'nav.home' }];
  if (user.role === 'health_officer' || user.role === 'admin') {
    items.push({ to: '/codes', key: 'nav.codes' }, { to: '/stats', key: 'nav.stats' });
  }
  if (user.role === 'health_officer' || user.role === 'campaign_issuer' || user.role === 'admin') {
    items.push({ to: '/notices', key: 'nav.notices' });
  }
  if (user.role === 'admin') {
    items.push({ to: '/users', key: 'nav.users' }, { to: '/units', key: 'nav.units' }, { to: '/audit', key: 'nav.audit' });
  }
  // Campaign reporting.
  if (user.role === 'campaign_issuer') items.push({ to: '/campaigns', key: 'campaigns.nav.issued' });
  if (user.role === 'unit_officer' || user.role === 'agency_reporter') items.push({ to: '/inbox', key: 'campaigns.nav.inbox' });
  // Health declarations: the officers of wards and communes and the health officers above them.
  if (user.role === 'unit_officer' || user.role === 'health_officer') {
    items.push({ to: '/declarations', key: 'declarations.title' }, { to: '/checkpoint', key: 'checkpoint.title' }, { to: '/epidemic-areas', key: 'areas.title' });
  }
  if (user.role === 'health_officer') items.push({ to: '/declaration-stats', key: 'declarationStats.title' });
  return items;
}

export function AppShell({ user, children }: { user: User | null; children: ReactNode }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const navigate = useNavigate();
  // The next person to sign in on this browser starts at home, not on the page the last one left open.
  const signOut = () => logout.mutate(undefined, { onSettled: () => navigate('/') });
  const items = navigationFor(user);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <p className="brand">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </p>
          <LanguageSwitch />
          {user ? (
            <div className="account">
              <NotificationBadge />
              <span className="account-name">{t('auth.signedInAs', { name: user.displayName })}</span>
              <button type="button" className="button-secondary" onClick={signOut}>
                {t('auth.signOut')}
              </button>
            </div>
          ) : null}
        </div>
        {items.length > 0 ? (
          <nav className="site-nav" aria-label={t('nav.label')}>
            <ul>
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === '/'}>
                    {t(item.key)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" tabIndex={-1} className="content">
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
