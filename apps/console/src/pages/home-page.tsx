import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../auth/session.js';
import { UnitBrowser } from '../units/unit-browser.js';
import { ChangePasswordForm } from './change-password-form.js';

export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <>
      <h1>{t('home.title', { name: user.displayName })}</h1>
      {user.role === 'admin' ? <p className="muted">{t('home.adminIntro')}</p> : null}
      {user.role === 'campaign_issuer' ? (
        <p>
          <Link to="/campaigns">{t('campaigns.home.issuer')}</Link>
        </p>
      ) : null}
      {user.role === 'unit_officer' || user.role === 'agency_reporter' ? (
        <p>
          <Link to="/inbox">{t('campaigns.home.reporter')}</Link>
        </p>
      ) : null}
      <div className="grid-2">
        <section className="card" aria-labelledby="profile-title">
          <h2 id="profile-title">{t('profile.title')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('profile.displayName')}</dt>
              <dd>{user.displayName}</dd>
            </div>
            <div>
              <dt>{t('profile.username')}</dt>
              <dd>{user.username}</dd>
            </div>
            <div>
              <dt>{t('profile.role')}</dt>
              <dd data-testid="profile-role">{t(`roles.${user.role}`)}</dd>
            </div>
            <div>
              <dt>{t('profile.unit')}</dt>
              <dd>
                {user.unitName} ({user.unitCode})
              </dd>
            </div>
          </dl>
        </section>
        <ChangePasswordForm />
      </div>
      <section aria-labelledby="own-unit-title">
        <h2 id="own-unit-title">{t('units.yourUnit')}</h2>
        <UnitBrowser rootCode={user.unitCode} searchable={false} manageAgencies={false} />
      </section>
    </>
  );
}
