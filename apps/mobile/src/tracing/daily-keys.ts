import {
  TEK_ROLLING_PERIOD,
  fromHex,
  generateTemporaryExposureKey,
  intervalNumber,
  rollingStartIntervalNumber,
  toHex,
} from '@bluezone/protocol';
import type { SecretStorage } from '../storage/secret-storage';

/** A daily key (TEK) of this phone and the intervals it covers. */
export interface DailyKey {
  tek: Uint8Array;
  rollingStartIntervalNumber: number;
  rollingPeriod: number;
}

interface StoredKey {
  tek: string;
  start: number;
  period: number;
}

const STORAGE_NAME = 'bluezone.teks';
/** Keys are kept 14 days after their last interval, then deleted: nobody can need them longer. */
export const KEY_RETENTION_INTERVALS = 14 * TEK_ROLLING_PERIOD;

const endOf = (key: StoredKey) => key.start + key.period;

/**
 * This phone's daily keys (Exposure Notification cryptography v1.2, "Temporary Exposure Key"): a fresh key from
 * the platform's CSPRNG for each UTC day, kept in the system keystore. When the user publishes after a positive
 * test, the key in use is ended at the current interval ("same-day release") and a new one begins at the next, so
 * today's contacts are warned today and the published key is never broadcast again.
 */
export class DailyKeyStore {
  private cache: StoredKey[] | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly secrets: SecretStorage,
    private readonly randomBytes: (n: number) => Uint8Array,
  ) {}

  /** The key covering `unixSeconds`, made (and saved) when none does yet. */
  keyFor(unixSeconds: number): Promise<DailyKey> {
    return this.serially(async () => {
      const keys = await this.load();
      const interval = intervalNumber(unixSeconds);
      const found = keys.find((k) => k.start <= interval && interval < endOf(k));
      if (found) return toDailyKey(found);
      const dayStart = rollingStartIntervalNumber(unixSeconds);
      const previousEnd = Math.max(dayStart, ...keys.map(endOf).filter((end) => end <= interval));
      const key: StoredKey = {
        tek: toHex(generateTemporaryExposureKey(this.randomBytes)),
        start: previousEnd,
        period: dayStart + TEK_ROLLING_PERIOD - previousEnd,
      };
      await this.save([...keys, key]);
      return toDailyKey(key);
    });
  }

  /** Keys whose intervals began at or before `unixSeconds`, within the retention, oldest first. */
  history(unixSeconds: number): Promise<DailyKey[]> {
    return this.serially(async () => {
      const interval = intervalNumber(unixSeconds);
      return (await this.load())
        .filter((k) => k.start <= interval && endOf(k) > interval - KEY_RETENTION_INTERVALS)
        .sort((a, b) => a.start - b.start)
        .map(toDailyKey);
    });
  }

  /**
   * Ends the key in use after the current interval (the RPI on the air now is covered by it) so that it can be
   * published at once; returns it, or undefined when no key covers now.
   */
  releaseCurrent(unixSeconds: number): Promise<DailyKey | undefined> {
    return this.serially(async () => {
      const keys = await this.load();
      const interval = intervalNumber(unixSeconds);
      const current = keys.find((k) => k.start <= interval && interval < endOf(k));
      if (!current) return undefined;
      current.period = interval + 1 - current.start;
      await this.save(keys);
      return toDailyKey(current);
    });
  }

  /** Deletes keys whose last interval ended more than 14 days before `unixSeconds`. */
  deleteExpired(unixSeconds: number): Promise<number> {
    return this.serially(async () => {
      const keys = await this.load();
      const cutoff = intervalNumber(unixSeconds) - KEY_RETENTION_INTERVALS;
      const kept = keys.filter((k) => endOf(k) > cutoff);
      if (kept.length !== keys.length) await this.save(kept);
      return keys.length - kept.length;
    });
  }

  clear(): Promise<void> {
    return this.serially(async () => {
      this.cache = [];
      await this.secrets.remove(STORAGE_NAME);
    });
  }

  private async load(): Promise<StoredKey[]> {
    if (!this.cache) {
      const text = await this.secrets.get(STORAGE_NAME);
      this.cache = text ? (JSON.parse(text) as StoredKey[]) : [];
    }
    return this.cache;
  }

  private async save(keys: StoredKey[]): Promise<void> {
    this.cache = keys;
    await this.secrets.set(STORAGE_NAME, JSON.stringify(keys));
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function toDailyKey(key: StoredKey): DailyKey {
  return { tek: fromHex(key.tek), rollingStartIntervalNumber: key.start, rollingPeriod: key.period };
}
