import { memoryDatabase } from '../test-support/sql';
import { FakeClock } from '../test-support/fake-clock';
import { MemorySecretStorage } from './secret-storage';
import { secureRandomBytes } from '../test-support/fake-server';
import { DailyKeyStore } from '../tracing/daily-keys';
import { AppStateStore } from './app-state-store';
import { ExposureWindowStore } from './exposure-window-store';
import { deleteExpiredData } from './retention';
import { SCHEMA_VERSION, migrate } from './schema';
import { SightingStore } from './sighting-store';
import { T0, testPhone } from '../test-support/test-platform';

const DAY = 86_400;
const sighting = (timestamp: number) => ({ rpi: secureRandomBytes(16), aem: secureRandomBytes(4), timestamp, rssi: -61.6 });

describe('the phone database', () => {
  it('migrates once and refuses a schema newer than the app', async () => {
    const db = await memoryDatabase();
    await migrate(db);
    await migrate(db);
    expect((await db.all<{ user_version: number }>('PRAGMA user_version'))[0]?.user_version).toBe(SCHEMA_VERSION);
    await db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    await expect(migrate(db)).rejects.toThrow(/newer than this app/);
  });

  it('stores sightings with their bytes intact and deletes those older than 14 days', async () => {
    const db = await memoryDatabase();
    await migrate(db);
    const store = new SightingStore(db);
    const now = T0 / 1000;
    const old = sighting(now - 15 * DAY);
    const recent = sighting(now - DAY);
    await store.add(old);
    await store.add(recent);
    expect(await store.since(now - 2 * DAY)).toEqual([{ ...recent, rssi: -62 }]);

    const clock = new FakeClock(T0);
    const state = new AppStateStore(db);
    const keys = new DailyKeyStore(new MemorySecretStorage(), secureRandomBytes);
    await keys.keyFor(now - 16 * DAY);
    await keys.keyFor(now);
    const windows = new ExposureWindowStore(db);
    await windows.add([{ keyHash: 'a', day: Math.floor(now / DAY) - 15, reportType: 1, infectiousness: 1, calibrationConfidence: 0, scanInstances: [] }]);
    const receipts = { deleteExpiredReceipts: async () => 2 };
    const deps = { sightings: store, windows, keys, state, clock, receipts };
    expect(await deleteExpiredData(deps)).toEqual({ sightings: 1, keys: 1, windows: 1, receipts: 2 });
    expect(await store.count()).toBe(1);
    // At most once a day.
    await store.add(sighting(now - 15 * DAY));
    expect(await deleteExpiredData(deps)).toBeUndefined();
    await clock.advance(DAY * 1000);
    expect(await deleteExpiredData(deps)).toEqual({ sightings: 1, keys: 0, windows: 0, receipts: 2 });
  });

  it('deletes everything on request: sightings, keys, status, a pending upload', async () => {
    const phone = await testPhone({ granted: true });
    const { services } = phone;
    await services.sightings.add(sighting(T0 / 1000));
    await services.keys.keyFor(T0 / 1000);
    await services.state.set('settings.onboarded', true);
    await services.upload.verifyCode('12345678');
    expect(phone.secrets.values.size).toBe(2);
    await services.deleteAllData();
    expect(await services.sightings.count()).toBe(0);
    expect(await services.state.get('settings.onboarded')).toBeUndefined();
    expect(phone.secrets.values.size).toBe(0);
    expect(await services.keys.history(T0 / 1000)).toEqual([]);
  });
});
