import { TEK_ROLLING_PERIOD, intervalNumber, rollingStartIntervalNumber, toHex } from '@bluezone/protocol';
import { MemorySecretStorage } from '../storage/secret-storage';
import { secureRandomBytes } from '../test-support/fake-server';
import { DailyKeyStore } from './daily-keys';

const DAY = 86_400;
const t = 1_700_000_000; // 22:13:20 UTC

describe('DailyKeyStore', () => {
  it('makes one key per UTC day from the random source, and keeps it in the keystore', async () => {
    const secrets = new MemorySecretStorage();
    const calls: number[] = [];
    const keys = new DailyKeyStore(secrets, (n) => (calls.push(n), secureRandomBytes(n)));
    const first = await keys.keyFor(t);
    expect(first).toMatchObject({ rollingStartIntervalNumber: rollingStartIntervalNumber(t), rollingPeriod: TEK_ROLLING_PERIOD });
    expect(toHex((await keys.keyFor(t + 600)).tek)).toBe(toHex(first.tek));
    const next = await keys.keyFor(t + 2 * 3600); // after midnight
    expect(next.rollingStartIntervalNumber).toBe(rollingStartIntervalNumber(t) + TEK_ROLLING_PERIOD);
    expect(toHex(next.tek)).not.toBe(toHex(first.tek));
    expect(calls).toEqual([16, 16]);
    // Another instance over the same keystore (the app restarted) finds the same keys.
    const again = new DailyKeyStore(secrets, () => {
      throw new Error('no new key expected');
    });
    expect(toHex((await again.keyFor(t)).tek)).toBe(toHex(first.tek));
  });

  it('refuses a random source that gives the wrong length rather than making a short key', async () => {
    const keys = new DailyKeyStore(new MemorySecretStorage(), () => new Uint8Array(8));
    await expect(keys.keyFor(t)).rejects.toThrow(/random output/);
  });

  it('ends the key in use after the current interval when released, and starts the next at the following one', async () => {
    const keys = new DailyKeyStore(new MemorySecretStorage(), secureRandomBytes);
    const key = await keys.keyFor(t);
    const released = await keys.releaseCurrent(t);
    const interval = intervalNumber(t);
    expect(released).toMatchObject({ rollingStartIntervalNumber: key.rollingStartIntervalNumber, rollingPeriod: interval + 1 - key.rollingStartIntervalNumber });
    // Still the same key until the interval ends.
    expect(toHex((await keys.keyFor(t)).tek)).toBe(toHex(key.tek));
    const after = await keys.keyFor((interval + 1) * 600 + 5);
    expect(toHex(after.tek)).not.toBe(toHex(key.tek));
    expect(after).toMatchObject({ rollingStartIntervalNumber: interval + 1, rollingPeriod: key.rollingStartIntervalNumber + TEK_ROLLING_PERIOD - (interval + 1) });
    expect((await keys.history(t + 3600)).map((k) => k.rollingStartIntervalNumber)).toEqual([key.rollingStartIntervalNumber, interval + 1]);
  });

  it('deletes keys 14 days after their last interval', async () => {
    const keys = new DailyKeyStore(new MemorySecretStorage(), secureRandomBytes);
    for (let day = 0; day < 17; day++) await keys.keyFor(t + day * DAY);
    expect(await keys.deleteExpired(t + 16 * DAY)).toBe(2);
    const history = await keys.history(t + 16 * DAY);
    expect(history).toHaveLength(15);
    expect(history[0]?.rollingStartIntervalNumber).toBe(rollingStartIntervalNumber(t + 2 * DAY));
  });
});
