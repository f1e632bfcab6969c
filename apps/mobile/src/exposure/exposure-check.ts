import {
  EXPORT_REPORT_TYPES,
  RiskLevel,
  aggregateRisk,
  findExposureWindows,
  pureCryptoBackend,
  readExportZip,
  toHex,
  verifyExportZip,
  type CryptoBackend,
  type ExportKey,
} from '@bluezone/protocol';
import { sha256 } from '@noble/hashes/sha2.js';
import type { BackendClient } from '../api/backend-client';
import { isApiError } from '../api/api-error';
import type { AppConfigService } from '../config/app-config';
import { utcDay, type Clock } from '../platform/clock';
import type { AppStateStore } from '../storage/app-state-store';
import type { ExportFileStore } from '../storage/export-file-store';
import { toExposureWindows, type ExposureWindowStore, type StoredExposureWindow } from '../storage/exposure-window-store';
import { SIGHTING_RETENTION_SECONDS, type SightingStore } from '../storage/sighting-store';
import { followExportKeys } from './export-key-pin';
import { NO_EXPOSURE, type ExposureCheckRecord, type ExposureStatus } from './exposure-status';

const DAY_SECONDS = 86_400;

/** Tells the user at once, in the language of the app (a local notification on the phone). */
export interface ExposureNotifier {
  notifyExposure(status: ExposureStatus): Promise<void>;
}

export interface ExposureCheckDependencies {
  backend: BackendClient;
  config: AppConfigService;
  sightings: SightingStore;
  windows: ExposureWindowStore;
  files: ExportFileStore;
  state: AppStateStore;
  clock: Clock;
  notifier: ExposureNotifier;
  /** This phone's RSSI correction (its calibration), added to every RSSI it heard. */
  rssiCorrectionDb: number;
  crypto?: CryptoBackend;
}

export interface ExposureCheckResult {
  status: ExposureStatus;
  record: ExposureCheckRecord;
  /** True when this check warned the user (a new day of close contact). */
  notified: boolean;
}

/** A short local name of a published key, to take back its windows if it is revoked later. */
export function keyHash(keyData: Uint8Array): string {
  return toHex(sha256(keyData).subarray(0, 16));
}

/**
 * The exposure check, on the phone: download the index and the export files not seen yet, verify each file's
 * signature against the pinned export keys, match its keys against this phone's sightings (±drift), keep the
 * exposure windows, score every window of the last 14 days with the risk configuration, and warn once per new day
 * of close contact. Matching, windows and scoring are the protocol's (`findExposureWindows`, `aggregateRisk`), so
 * the app follows whatever rule the protocol ships. Nothing about sightings is sent anywhere: the only requests are
 * downloads of public files.
 */
export class ExposureCheck {
  private running: Promise<ExposureCheckResult> | undefined;

  constructor(private readonly deps: ExposureCheckDependencies) {}

  /** Runs a check, or joins the one already running. */
  run(): Promise<ExposureCheckResult> {
    this.running ??= this.check().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async check(): Promise<ExposureCheckResult> {
    const { deps } = this;
    const startedAt = deps.clock.now();
    let filesChecked = 0;
    try {
      const config = await deps.config.refresh().catch(() => deps.config.current());
      const trusted = await this.trustedKeys();
      const names = await deps.backend.exportIndex(config.region);
      const checked = await deps.files.checkedNames();
      let failure: string | undefined;
      for (const name of names) {
        if (checked.has(name)) continue;
        const zip = await deps.backend.exportFile(name);
        const verdict = verifyFile(zip, trusted);
        if (!verdict.ok) {
          // Not marked checked: a file that fails today is tried again, and the check reports the failure.
          failure ??= verdict.error;
          continue;
        }
        await this.match(verdict.keys, verdict.revisedKeys, config.exposure.driftSeconds, config.tracing.scanIntervalSeconds);
        await deps.files.markChecked(name, deps.clock.now() / 1000);
        filesChecked++;
      }
      await deps.files.keepOnly(names);
      const { status, notified } = await this.score();
      const record: ExposureCheckRecord = failure ? { at: startedAt, ok: false, error: failure, filesChecked } : { at: startedAt, ok: true, filesChecked };
      await deps.state.set('exposure.lastCheck', record);
      return { status, record, notified };
    } catch (error) {
      const record: ExposureCheckRecord = { at: startedAt, ok: false, error: isApiError(error) ? error.code : 'check_failed', filesChecked };
      await deps.state.set('exposure.lastCheck', record);
      return { status: (await deps.state.get('exposure.status')) ?? NO_EXPOSURE, record, notified: false };
    }
  }

  private async trustedKeys() {
    const served = await this.deps.backend.exportKeys();
    const decision = followExportKeys(await this.deps.state.get('exposure.pinnedExportKeys'), served);
    if (decision.accepted) await this.deps.state.set('exposure.pinnedExportKeys', decision.trusted);
    return decision.trusted;
  }

  private async match(keys: ExportKey[], revisedKeys: ExportKey[], driftSeconds: number, scanIntervalSeconds: number): Promise<void> {
    const { deps } = this;
    const nowSeconds = deps.clock.now() / 1000;
    for (const revised of revisedKeys) {
      await deps.windows.revise(keyHash(revised.keyData), revised.reportType === EXPORT_REPORT_TYPES.REVOKED ? 'revoked' : (revised.reportType ?? EXPORT_REPORT_TYPES.CONFIRMED_TEST));
    }
    const sightings = await deps.sightings.since(nowSeconds - SIGHTING_RETENTION_SECONDS);
    if (sightings.length === 0 || keys.length === 0) return;
    const { windows } = findExposureWindows(keys, sightings, {
      nowSeconds,
      driftSeconds,
      scanIntervalSeconds,
      rssiCorrection: deps.rssiCorrectionDb,
      backend: deps.crypto ?? pureCryptoBackend,
    });
    const stored: StoredExposureWindow[] = windows.map((w) => ({
      keyHash: keyHash((keys[w.keyIndex] as ExportKey).keyData),
      day: Math.floor(w.startTimestamp / DAY_SECONDS),
      reportType: w.reportType,
      infectiousness: w.infectiousness,
      calibrationConfidence: w.calibrationConfidence,
      scanInstances: w.scanInstances,
    }));
    await deps.windows.add(stored);
  }

  /** Scores every kept window as of now and warns when a day of close contact is new. */
  async score(): Promise<{ status: ExposureStatus; notified: boolean }> {
    const { deps } = this;
    const nowSeconds = deps.clock.now() / 1000;
    await deps.windows.deleteBeforeDay(Math.floor((nowSeconds - SIGHTING_RETENTION_SECONDS) / DAY_SECONDS));
    const risk = aggregateRisk(toExposureWindows(await deps.windows.all(), nowSeconds), deps.config.riskConfiguration());
    const previous = (await deps.state.get('exposure.status')) ?? NO_EXPOSURE;
    const dayOf = (age: number | null) => (age === null ? null : utcDay(nowSeconds - age * DAY_SECONDS));
    const status: ExposureStatus =
      risk.totalRiskLevel === RiskLevel.high
        ? { level: 'high', day: dayOf(risk.ageOfMostRecentDateWithHighRisk), notifiedDays: previous.notifiedDays }
        : risk.ageOfMostRecentDateWithLowRisk !== null
          ? { level: 'low', day: dayOf(risk.ageOfMostRecentDateWithLowRisk), notifiedDays: previous.notifiedDays }
          : { level: 'none', day: null, notifiedDays: previous.notifiedDays };
    const notify = status.level === 'high' && status.day !== null && !status.notifiedDays.includes(status.day);
    if (notify && status.day) status.notifiedDays = [...status.notifiedDays, status.day].slice(-14);
    await deps.state.set('exposure.status', status);
    if (notify) await deps.notifier.notifyExposure(status).catch(() => undefined);
    return { status, notified: notify };
  }
}

type FileVerdict = { ok: true; keys: ExportKey[]; revisedKeys: ExportKey[] } | { ok: false; error: string };

/** Reads a downloaded export and checks its signature with a trusted key named by the file (id and version). */
function verifyFile(zip: Uint8Array, trusted: readonly { keyId: string; version: string; publicKeyPem: string }[]): FileVerdict {
  let contents;
  try {
    contents = readExportZip(zip);
  } catch (error) {
    return { ok: false, error: (error as { code?: string }).code ?? 'export_bad_zip' };
  }
  for (const signature of contents.signatures) {
    const info = signature.signatureInfo;
    const key = trusted.find((k) => k.keyId === info.verificationKeyId && k.version === info.verificationKeyVersion);
    if (!key) continue;
    const verdict = verifyExportZip(zip, key.publicKeyPem, { verificationKeyId: key.keyId, verificationKeyVersion: key.version });
    if (verdict.valid) return { ok: true, keys: contents.export.keys, revisedKeys: contents.export.revisedKeys };
    return { ok: false, error: verdict.code ?? 'export_signature_invalid' };
  }
  return { ok: false, error: 'export_signature_missing' };
}
