import { encodeStdBase64 } from '@bluezone/protocol';
import { BackendClient, paddingFor, type BackendEndpoints, type Fetch } from '../api/backend-client';
import { AppConfigService } from '../config/app-config';
import { ExposureCheck, type ExposureNotifier } from '../exposure/exposure-check';
import type { Clock } from '../platform/clock';
import type { DeviceConditions, Permissions } from '../platform/permissions';
import type { Radio } from '../radio/radio';
import { AppStateStore } from '../storage/app-state-store';
import { ExportFileStore } from '../storage/export-file-store';
import { ExposureWindowStore } from '../storage/exposure-window-store';
import { deleteExpiredData } from '../storage/retention';
import { deleteEverything, migrate } from '../storage/schema';
import { SECRET_NAMES, type SecretStorage } from '../storage/secret-storage';
import { SightingStore } from '../storage/sighting-store';
import type { SqlDatabase } from '../storage/sql-database';
import { DailyKeyStore } from '../tracing/daily-keys';
import { KeepOpenReminder, type ReminderScheduler } from '../tracing/keep-open-reminder';
import { TracingService } from '../tracing/tracing-service';
import { advertisedMetadata, phoneCalibration, type PhoneCalibration } from '../tracing/tx-calibration';
import { DeclarationService } from '../declaration/declaration-service';
import { SelfReportReminders, type DayReminders } from '../declaration/self-report-reminders';
import { NoticeInbox } from '../notices/notice-inbox';
import { CoverTraffic } from '../upload/cover-traffic';
import { UploadFlow } from '../upload/upload-flow';

/** What differs between the phone, the web demo and the tests: every side effect the app has. */
export interface Platform {
  db: SqlDatabase;
  secrets: SecretStorage;
  radio: Radio;
  permissions: Permissions;
  conditions: DeviceConditions;
  notifier: ExposureNotifier;
  fetch: Fetch;
  clock: Clock;
  randomBytes: (n: number) => Uint8Array;
  random: () => number;
  /** Model code and marketing name of this phone, for its calibration (absent on the web). */
  deviceModels: readonly (string | null | undefined)[];
  /** Where the app's server is, before any configuration says otherwise (no trailing slash). */
  baseServerUrl: string;
  /** The keep-open reminder's notification, on iPhones only (tracing/keep-open-reminder.ts). */
  reminders?: ReminderScheduler;
  /** Its words, in the app's language. */
  reminderText?: () => { title: string; body: string };
  /** The daily-report reminders of monitored arrivals (declaration/self-report-reminders.ts; absent on the web). */
  dayReminders?: DayReminders;
  dayReminderText?: () => { title: string; body: string };
}

/** The app's services, wired once. Screens receive them through React context; tests build them with fakes. */
export interface AppServices {
  platform: Platform;
  state: AppStateStore;
  sightings: SightingStore;
  windows: ExposureWindowStore;
  files: ExportFileStore;
  keys: DailyKeyStore;
  config: AppConfigService;
  backend: BackendClient;
  calibration: PhoneCalibration;
  tracing: TracingService;
  /** iPhones: "open Bluezone" after 36 hours in which the app's code did not run. */
  keepOpenReminder: KeepOpenReminder;
  exposureCheck: ExposureCheck;
  upload: UploadFlow;
  /** Decoy uploads at random times, so a real one does not stand out on the network. */
  coverTraffic: CoverTraffic;
  notices: NoticeInbox;
  declarations: DeclarationService;
  /** Daily deletion of what is older than 14 days. */
  deleteExpiredData(force?: boolean): ReturnType<typeof deleteExpiredData>;
  /** "Delete all my data": sightings, keys, windows, settings, a pending upload, declaration receipts and draft; tracing restarts from nothing. */
  deleteAllData(): Promise<void>;
  /** After the app's language changed (and the notifications' with it): the reminders already set take the new words. */
  languageChanged(): Promise<void>;
}

export async function createAppServices(platform: Platform): Promise<AppServices> {
  await migrate(platform.db);
  const state = new AppStateStore(platform.db);
  const sightings = new SightingStore(platform.db);
  const windows = new ExposureWindowStore(platform.db);
  const files = new ExportFileStore(platform.db);
  const keys = new DailyKeyStore(platform.secrets, platform.randomBytes);
  // The configuration is fetched through the client, and the client's addresses come from the configuration.
  const config = new AppConfigService(state, () => backend.appConfiguration());
  await config.load();
  const endpoints = (): BackendEndpoints => {
    const current = config.current();
    const serverUrl = (current.serverUrl ?? platform.baseServerUrl).replace(/\/+$/, '');
    return { serverUrl, exportsUrl: current.exportsUrl ? current.exportsUrl.replace(/\/?$/, '/') : `${serverUrl}/exports/` };
  };
  const backend = new BackendClient(endpoints, platform.fetch, paddingFor(platform.randomBytes, encodeStdBase64));
  const calibration = phoneCalibration(platform.deviceModels);
  const tracing = new TracingService({
    radio: platform.radio,
    keys,
    sightings,
    clock: platform.clock,
    permissions: platform.permissions,
    conditions: platform.conditions,
    metadata: advertisedMetadata(calibration),
    timing: () => config.current().tracing,
    isPaused: async () => (await state.get('settings.tracingPaused')) === true,
    random: platform.random,
  });
  const keepOpenReminder = new KeepOpenReminder({
    scheduler: platform.reminders,
    state,
    clock: platform.clock,
    text: platform.reminderText ?? (() => ({ title: 'Bluezone', body: '' })),
  });
  tracing.subscribe(() => void keepOpenReminder.push());
  const exposureCheck = new ExposureCheck({
    backend,
    config,
    sightings,
    windows,
    files,
    state,
    clock: platform.clock,
    notifier: platform.notifier,
    rssiCorrectionDb: calibration.rssiCorrectionDb,
  });
  const upload = new UploadFlow({
    backend,
    keys,
    secrets: platform.secrets,
    clock: platform.clock,
    randomBytes: platform.randomBytes,
    healthAuthorityId: () => config.current().healthAuthorityId,
    onPublished: () => tracing.rotateNow(),
  });
  const coverTraffic = new CoverTraffic({
    backend,
    state,
    clock: platform.clock,
    randomBytes: platform.randomBytes,
    random: platform.random,
    healthAuthorityId: () => config.current().healthAuthorityId,
  });
  const notices = new NoticeInbox(backend, platform.db);
  const selfReportReminders = new SelfReportReminders({
    scheduler: platform.dayReminders,
    clock: platform.clock,
    text: platform.dayReminderText ?? (() => ({ title: 'Bluezone', body: '' })),
  });
  const declarations = new DeclarationService({ backend, db: platform.db, state, clock: platform.clock, serverUrl: () => endpoints().serverUrl, reminders: selfReportReminders });
  const retention = { sightings, windows, keys, state, clock: platform.clock, receipts: declarations };
  return {
    platform,
    state,
    sightings,
    windows,
    files,
    keys,
    config,
    backend,
    calibration,
    tracing,
    keepOpenReminder,
    exposureCheck,
    upload,
    coverTraffic,
    notices,
    declarations,
    deleteExpiredData: (force) => deleteExpiredData(retention, force),
    async deleteAllData() {
      await tracing.stop();
      await deleteEverything(platform.db);
      await keys.clear();
      for (const name of SECRET_NAMES) await platform.secrets.remove(name);
      await declarations.cancelReminders();
      // Nothing left to remind of (tracing's stop above pushed it while the settings still said onboarded).
      await keepOpenReminder.push();
    },
    async languageChanged() {
      await keepOpenReminder.push();
      await selfReportReminders.retext();
    },
  };
}
