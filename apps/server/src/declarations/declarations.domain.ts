import type { AuditService } from '../audit/audit.service.js';
import type { EpidemicAreasService } from '../epidemic-areas/epidemic-areas.service.js';
import { defineDomain, type DomainContext } from '../platform/domain.js';
import type { Notifier } from '../platform/notifier.js';
import type { UnitDirectory } from '../platform/unit-directory.js';
import type { PlacesService } from '../places/places.service.js';
import type { ScreeningService } from '../screening/screening.service.js';
import { DeclarationListsStore } from './declaration-lists.store.js';
import { readDeclarationsConfig, type DeclarationsConfig } from './declarations.config.js';
import { DeclarationsExport } from './declarations.export.js';
import { DeclarationAlerts } from './declarations.notify.js';
import { Rescreening } from './declarations.rescreen.js';
import { registerDeclarationsRoutes } from './declarations.routes.js';
import { DeclarationStats } from './declarations.stats.js';
import { DeclarationsStore } from './declarations.store.js';
import { FollowUpService } from './follow-up.service.js';
import { HealthStationsService } from './health-stations.service.js';
import { HealthStationsStore } from './health-stations.store.js';
import { IntakeService } from './intake.service.js';
import { SelfReportService } from './self-report.js';
import { DeclarationRetention } from './retention.js';
import { WebhookOutboxStore, WebhookSender } from './webhook-outbox.js';

export interface DeclarationNeeds {
  audit: AuditService;
  units: UnitDirectory;
  places: PlacesService;
  epidemicAreas: EpidemicAreasService;
  screening: ScreeningService;
  notifications: Notifier;
}

function createDeclarationServices({ db, platform, config, services, transactions, rateLimiters }: DomainContext<DeclarationsConfig, DeclarationNeeds>) {
  const { audit, units, places, epidemicAreas, screening, notifications } = services;
  const store = new DeclarationsStore(db);
  const lists = new DeclarationListsStore(db);
  const stationsStore = new HealthStationsStore(db);
  const placeNames = (code: string) => places.get(code);
  const webhook = new WebhookSender(
    new WebhookOutboxStore(db),
    config.webhookUrl && config.webhookSecret ? { url: config.webhookUrl, secret: config.webhookSecret } : undefined,
    config.webhookMaxAttempts,
    platform.clock,
  );
  const alerts = new DeclarationAlerts({
    topCode: units.topCode,
    lineage: (code) => places.lineage(code),
    place: placeNames,
    officials: (codes) => store.officials(codes),
    notifier: notifications,
    webhook,
    publicUrl: config.publicUrl,
    // The console notification is the record; a failure here (a mail server down) is for the operator's log only.
    log: (error) => process.stderr.write(`declaration notification failed: ${error instanceof Error ? error.message : String(error)}\n`),
  });
  const rescreening = new Rescreening(store, lists, places, screening, alerts, audit, platform.clock, transactions);
  epidemicAreas.onChange(rescreening.onAreaChange);
  const intake = new IntakeService(store, stationsStore, places, screening, alerts, rateLimiters.create('declaration', config.submitRateLimit, config.submitRateWindowSeconds), units.topCode, platform, transactions);
  const followUp = new FollowUpService(store, lists, placeNames, screening, alerts, rateLimiters.create('receipt_lookup', config.receiptLookupRateLimit, 60), audit, platform.clock, transactions, platform.random);
  return {
    intake,
    followUp,
    selfReport: new SelfReportService(store, followUp, intake, rateLimiters.create('self_report', config.selfReportRateLimit, config.submitRateWindowSeconds), platform.clock),
    exports: new DeclarationsExport(lists, placeNames, audit, platform.clock),
    stats: new DeclarationStats(lists, placeNames, platform.clock),
    healthStations: new HealthStationsService(stationsStore, units, audit, platform.clock, transactions),
    retention: new DeclarationRetention(store, config.retentionSeconds, audit, platform.clock, transactions),
    alerts,
    webhook,
    webhookOutbox: new WebhookOutboxStore(db),
  };
}

export type DeclarationServices = ReturnType<typeof createDeclarationServices>;

export const declarationsDomain = defineDomain({
  name: 'declarations',
  readConfig: readDeclarationsConfig,
  createServices: (context: DomainContext<DeclarationsConfig, DeclarationNeeds>) => ({ declarations: createDeclarationServices(context) }),
  routes: (app, { declarations }) => registerDeclarationsRoutes(app, declarations),
  jobs: ({ declarations }, config) => [
    {
      name: 'declarations.webhook',
      everySeconds: config.webhookEverySeconds,
      run: async () => {
        if (!declarations.webhook.enabled) return undefined;
        const sent = await declarations.webhook.deliverDue();
        // Outbox rows leave with the declarations' retention: they hold ids and flags only.
        await declarations.webhookOutbox.deleteOlderThan(declarations.retention.cutoff());
        return sent.delivered + sent.failed > 0 ? sent : undefined;
      },
    },
    {
      name: 'declarations.retention',
      everySeconds: config.purgeEverySeconds,
      run: async () => {
        const { deleted } = await declarations.retention.purge();
        return deleted > 0 ? { deleted } : undefined;
      },
    },
  ],
});
