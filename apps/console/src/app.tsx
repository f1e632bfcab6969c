import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { useSession } from './auth/session.js';
import { AppShell } from './components/app-shell.js';
import { ErrorMessage } from './components/error-message.js';
import { applyLocale } from './i18n/index.js';
import { AuditPage } from './pages/audit-page.js';
import { HomePage } from './pages/home-page.js';
import { LoginPage } from './pages/login-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { UnitsPage } from './pages/units-page.js';
import { UsersPage } from './users/users-page.js';
import { CodesPage } from './codes/codes-page.js';
import { StatsPage } from './stats/stats-page.js';
import { NoticesPage } from './notices/notices-page.js';
import { CampaignFormPage } from './campaigns/campaign-form-page.js';
import { CampaignPage } from './campaigns/campaign-page.js';
import { CampaignsPage } from './campaigns/campaigns-page.js';
import { InboxPage } from './campaigns/inbox-page.js';
import { ReportPage } from './campaigns/report-page.js';
import { CheckpointPage } from './declarations/checkpoint-page.js';
import { DeclarationPage } from './declarations/declaration-page.js';
import { DeclarationStatsPage } from './declarations/declaration-stats-page.js';
import { DeclarationsPage } from './declarations/declarations-page.js';
import { EpidemicAreasPage } from './declarations/epidemic-areas-page.js';
import { PosterPage } from './declarations/poster-page.js';
import { NotificationsPage } from './notifications/notifications-page.js';

export function App() {
  const { t } = useTranslation();
  const session = useSession();
  const user = session.data?.user ?? null;

  // A signed-in user's saved language wins over the browser's choice made before sign-in.
  useEffect(() => {
    if (user) void applyLocale(user.locale);
  }, [user]);
  useEffect(() => {
    document.title = `${t('app.name')} · ${t('app.tagline')}`;
  }, [t]);

  if (session.isPending) {
    return (
      <AppShell user={null}>
        <p className="muted">{t('common.loading')}</p>
      </AppShell>
    );
  }
  if (session.isError) {
    return (
      <AppShell user={null}>
        <ErrorMessage error={session.error} />
        <button type="button" onClick={() => void session.refetch()}>
          {t('common.retry')}
        </button>
      </AppShell>
    );
  }
  if (!user) {
    return (
      <AppShell user={null}>
        <LoginPage />
      </AppShell>
    );
  }
  const admin = user.role === 'admin';
  const issuer = user.role === 'campaign_issuer';
  const reporter = user.role === 'unit_officer' || user.role === 'agency_reporter';
  const officer = user.role === 'unit_officer' || user.role === 'health_officer';
  return (
    <AppShell user={user}>
      <Routes>
        <Route index element={<HomePage />} />
        {admin ? <Route path="users" element={<UsersPage />} /> : null}
        {admin ? <Route path="units" element={<UnitsPage />} /> : null}
        {admin ? <Route path="audit" element={<AuditPage />} /> : null}
        {admin || user.role === 'health_officer' ? <Route path="codes" element={<CodesPage />} /> : null}
        {admin || user.role === 'health_officer' ? <Route path="stats" element={<StatsPage />} /> : null}
        {admin || user.role === 'health_officer' || user.role === 'campaign_issuer' ? <Route path="notices" element={<NoticesPage />} /> : null}
        {/* Campaign reporting: issuers follow their campaigns, unit officers and agency reporters report. */}
        {issuer ? <Route path="campaigns" element={<CampaignsPage />} /> : null}
        {issuer ? <Route path="campaigns/new" element={<CampaignFormPage />} /> : null}
        {issuer ? <Route path="campaigns/:id" element={<CampaignPage />} /> : null}
        {reporter ? <Route path="inbox" element={<InboxPage />} /> : null}
        {reporter ? <Route path="campaigns/:id" element={<InboxPage />} /> : null}
        {reporter ? <Route path="campaigns/:id/rounds/:roundNo/report" element={<ReportPage />} /> : null}
        {/* Health declarations, epidemic areas, the checkpoint and notifications. */}
        {officer ? <Route path="declarations" element={<DeclarationsPage />} /> : null}
        {officer ? <Route path="declarations/:id" element={<DeclarationPage />} /> : null}
        {officer ? <Route path="declaration-poster" element={<PosterPage />} /> : null}
        {officer ? <Route path="checkpoint" element={<CheckpointPage />} /> : null}
        {officer ? <Route path="checkpoint/:receipt" element={<CheckpointPage />} /> : null}
        {officer ? <Route path="epidemic-areas" element={<EpidemicAreasPage />} /> : null}
        {user.role === 'health_officer' ? <Route path="declaration-stats" element={<DeclarationStatsPage />} /> : null}
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AppShell>
  );
}
