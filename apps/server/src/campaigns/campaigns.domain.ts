import type { AuditService } from '../audit/audit.service.js';
import { defineDomain, type DomainContext } from '../platform/domain.js';
import type { Notifier } from '../platform/notifier.js';
import type { UnitDirectory, UnitScope } from '../platform/unit-directory.js';
import { AttachmentFiles } from './attachments.js';
import { readCampaignsConfig, type CampaignsConfig } from './campaigns.config.js';
import { registerCampaignsRoutes } from './campaigns.routes.js';
import { CampaignsService } from './campaigns.service.js';
import { CampaignsStore } from './campaigns.store.js';
import { CampaignReminders } from './reminders.js';
import { ReportsService } from './reports.service.js';
import { ReportsStore } from './reports.store.js';
import { SummaryService } from './summary.service.js';

type Needs = { audit: AuditService; units: UnitDirectory & UnitScope; notifications: Notifier };

/** Campaign reporting: directives, their recipients and rounds, reports, the issuer's dashboard and official report. */
export const campaignsDomain = defineDomain({
  name: 'campaigns',
  readConfig: readCampaignsConfig,
  createServices: ({ db, platform, config, services, transactions }: DomainContext<CampaignsConfig, Needs>) => {
    const store = new CampaignsStore(db);
    const reportsStore = new ReportsStore(db);
    const campaigns = new CampaignsService(store, reportsStore, services.units, services.audit, services.notifications, new AttachmentFiles(config.attachmentsDir), platform.clock, transactions);
    return {
      campaigns,
      campaignReports: new ReportsService(campaigns, store, reportsStore, services.audit, services.notifications, platform.clock, transactions),
      campaignSummary: new SummaryService(campaigns, store, reportsStore, services.audit, platform.clock),
      campaignReminders: new CampaignReminders(store, reportsStore, services.notifications, platform.clock, config),
    };
  },
  routes: (app, services, config) => registerCampaignsRoutes(app, { campaigns: services.campaigns, reports: services.campaignReports, summary: services.campaignSummary }, config),
  jobs: ({ campaignReminders }, config) =>
    config.reminderIntervalSeconds === 0 ? [] : [{ name: 'campaigns.reminders', everySeconds: config.reminderIntervalSeconds, run: () => campaignReminders.run() }],
});
