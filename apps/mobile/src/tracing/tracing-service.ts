import { decodeBleServiceData, toHex, type BleMetadata } from '@bluezone/protocol';
import type { Clock } from '../platform/clock';
import type { DeviceConditions, Permissions } from '../platform/permissions';
import type { Radio, RadioSighting } from '../radio/radio';
import type { SightingStore } from '../storage/sighting-store';
import { advertisingPayload, nextRotationDelaySeconds } from './advertising-payload';
import type { DailyKeyStore } from './daily-keys';

/** Why tracing is off. */
export type TracingBlocker = 'paused' | 'bluetooth_permission' | 'bluetooth_off' | 'unsupported' | 'radio_error';
/** Why tracing may miss contacts or warnings while on. */
export type TracingWarning = 'battery_saver' | 'notifications_off';

export interface TracingStatus {
  active: boolean;
  blockers: TracingBlocker[];
  warnings: TracingWarning[];
}

/** Scan timing and rotation, from the app configuration (a province tunes them without a new release). */
export interface TracingTiming {
  scanIntervalSeconds: number;
  scanWindowSeconds: number;
  rotationMinSeconds: number;
  rotationMaxSeconds: number;
}

export interface TracingDependencies {
  radio: Radio;
  keys: DailyKeyStore;
  sightings: SightingStore;
  clock: Clock;
  permissions: Permissions;
  conditions: DeviceConditions;
  metadata: BleMetadata;
  timing: () => TracingTiming;
  isPaused: () => Promise<boolean>;
  random?: () => number;
  /** A payload from the air that is not ours to read (wrong length): counted, never stored. */
  onDroppedPayload?: (error: unknown) => void;
}

/** The same identifier heard more often than this within one scan is not stored again (storage, not accuracy). */
const MAX_SIGHTINGS_PER_IDENTIFIER_PER_SCAN = 3;

/**
 * Tracing: advertise this phone's rotating identifier and scan for others on a duty cycle, storing what it hears.
 * It reports whether it runs and, when it does not, why (paused, Bluetooth off, permission missing), so the home
 * screen can say what to do. All timers run on the injected clock.
 */
export class TracingService {
  private status: TracingStatus = { active: false, blockers: [], warnings: [] };
  private readonly listeners = new Set<(status: TracingStatus) => void>();
  private cancelRotation: (() => void) | undefined;
  private cancelScan: (() => void) | undefined;
  private scanCounts = new Map<string, number>();
  private running = false;
  private unsubscribe: (() => void)[] = [];
  private refreshQueue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: TracingDependencies) {}

  current(): TracingStatus {
    return this.status;
  }

  subscribe(listener: (status: TracingStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts following the radio and the phone's state; tracing runs whenever nothing blocks it. */
  async start(): Promise<TracingStatus> {
    if (this.unsubscribe.length === 0) {
      this.unsubscribe.push(this.deps.radio.onStateChange(() => void this.refresh()));
      this.unsubscribe.push(this.deps.conditions.onChange(() => void this.refresh()));
    }
    return this.refresh();
  }

  async stop(): Promise<void> {
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    await this.halt();
    this.setStatus({ active: false, blockers: [], warnings: [] });
  }

  /**
   * Re-reads what may block tracing and starts or stops it to match (after a permission was granted, the pause
   * switched, or the radio changed state). Calls are serialised.
   */
  refresh(): Promise<TracingStatus> {
    const run = async () => {
      const blockers = await this.blockers();
      const warnings: TracingWarning[] = [];
      if (await this.deps.conditions.batterySaver()) warnings.push('battery_saver');
      if ((await this.deps.permissions.notifications()) !== 'granted') warnings.push('notifications_off');
      if (blockers.length > 0) {
        await this.halt();
      } else if (!this.running) {
        try {
          await this.begin();
        } catch {
          await this.halt();
          blockers.push('radio_error');
        }
      }
      this.setStatus({ active: blockers.length === 0, blockers, warnings });
    };
    const next = this.refreshQueue.then(run, run);
    this.refreshQueue = next.catch(() => undefined);
    return next.then(() => this.status);
  }

  /** A new identifier now (after a key was published, its identifiers must leave the air). */
  async rotateNow(): Promise<void> {
    if (this.running) await this.rotate();
  }

  private async blockers(): Promise<TracingBlocker[]> {
    if (await this.deps.isPaused()) return ['paused'];
    if ((await this.deps.permissions.bluetooth()) !== 'granted') return ['bluetooth_permission'];
    const state = await this.deps.radio.state();
    if (state === 'unauthorized') return ['bluetooth_permission'];
    if (state === 'off') return ['bluetooth_off'];
    if (state === 'unsupported') return ['unsupported'];
    return [];
  }

  private async begin(): Promise<void> {
    this.running = true;
    await this.rotate();
    await this.scan();
  }

  private async halt(): Promise<void> {
    this.running = false;
    this.cancelRotation?.();
    this.cancelScan?.();
    this.cancelRotation = this.cancelScan = undefined;
    await this.deps.radio.stopScan().catch(() => undefined);
    await this.deps.radio.stopAdvertising().catch(() => undefined);
  }

  private async rotate(): Promise<void> {
    this.cancelRotation?.();
    const now = this.deps.clock.now() / 1000;
    const key = await this.deps.keys.keyFor(now);
    await this.deps.radio.advertise(advertisingPayload(key, now, this.deps.metadata));
    const timing = this.deps.timing();
    const random = this.deps.random ?? Math.random;
    // Rotate at a random moment, and at the latest when the key ends, so a key never outlives its intervals on air.
    const keyEndSeconds = (key.rollingStartIntervalNumber + key.rollingPeriod) * 600;
    const delay = Math.min(nextRotationDelaySeconds(random, timing.rotationMinSeconds, timing.rotationMaxSeconds), Math.max(1, keyEndSeconds - now));
    this.cancelRotation = this.deps.clock.setTimer(delay * 1000, () => {
      if (this.running) void this.rotate().catch(() => this.refresh());
    });
  }

  private async scan(): Promise<void> {
    const timing = this.deps.timing();
    this.scanCounts = new Map();
    await this.deps.radio.startScan((sighting) => void this.record(sighting));
    this.cancelScan = this.deps.clock.setTimer(timing.scanWindowSeconds * 1000, () => {
      void this.deps.radio.stopScan().then(() => {
        if (!this.running) return;
        this.cancelScan = this.deps.clock.setTimer(Math.max(0, timing.scanIntervalSeconds - timing.scanWindowSeconds) * 1000, () => {
          if (this.running) void this.scan().catch(() => this.refresh());
        });
      });
    });
  }

  private async record(sighting: RadioSighting): Promise<void> {
    let data;
    try {
      data = decodeBleServiceData(sighting.serviceData);
    } catch (error) {
      this.deps.onDroppedPayload?.(error);
      return;
    }
    if (!Number.isFinite(sighting.rssi) || sighting.rssi < -127 || sighting.rssi > 20) return;
    const id = toHex(data.rpi);
    const seen = this.scanCounts.get(id) ?? 0;
    if (seen >= MAX_SIGHTINGS_PER_IDENTIFIER_PER_SCAN) return;
    this.scanCounts.set(id, seen + 1);
    await this.deps.sightings.add({ rpi: data.rpi, aem: data.aem, timestamp: this.deps.clock.now() / 1000, rssi: sighting.rssi });
  }

  private setStatus(status: TracingStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }
}
