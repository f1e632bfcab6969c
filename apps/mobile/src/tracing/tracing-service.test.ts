import { deriveRollingProximityIdentifierKey, deriveRollingProximityIdentifiers, intervalNumber, toHex } from '@bluezone/protocol';
import { MemoryPermissions } from '../platform/permissions';
import { MemoryAir, SimulatedRadio } from '../radio/simulated-radio';
import { MemorySecretStorage } from '../storage/secret-storage';
import { SightingStore } from '../storage/sighting-store';
import { memoryDatabase } from '../test-support/sql';
import { migrate } from '../storage/schema';
import { secureRandomBytes } from '../test-support/fake-server';
import { DailyKeyStore } from './daily-keys';
import { TracingService } from './tracing-service';
import { FakeClock } from '../test-support/fake-clock';
import { T0, testPhone } from '../test-support/test-platform';

const MINUTE = 60_000;

async function twoPhones(options: { granted?: boolean } = { granted: true }) {
  const air = new MemoryAir();
  const clock = new FakeClock(T0);
  const a = await testPhone({ id: 'a', air, clock, granted: options.granted });
  const b = await testPhone({ id: 'b', air, clock, granted: options.granted });
  return { air, clock, a, b };
}

describe('TracingService', () => {
  it('advertises the RPI of the current key and hears the other phone on each scan, never itself', async () => {
    const { clock, a, b } = await twoPhones();
    expect(await a.services.tracing.start()).toEqual({ active: true, blockers: [], warnings: [] });
    await b.services.tracing.start();
    await clock.advance(20 * MINUTE);
    const heardByB = await b.services.sightings.since(0);
    // Scans every 5 minutes (the default configuration): at 0, 5, 10, 15 and 20 minutes.
    expect(heardByB.map((s) => Math.round((s.timestamp * 1000 - T0) / MINUTE))).toEqual([0, 5, 10, 15, 20]);
    expect(heardByB.every((s) => s.rssi === -70)).toBe(true);
    // What B heard are A's identifiers of those intervals (A rotates every 10 to 20 minutes, ±drift).
    const rpisOf = async (phone: typeof a) => {
      const key = (await phone.services.keys.history(T0 / 1000))[0]!;
      const rpis = deriveRollingProximityIdentifiers(deriveRollingProximityIdentifierKey(key.tek), intervalNumber(T0 / 1000) - 3, 9);
      return new Set(Array.from({ length: 9 }, (_, j) => toHex(rpis.subarray(j * 16, j * 16 + 16))));
    };
    const aRpis = await rpisOf(a);
    expect(heardByB.every((s) => aRpis.has(toHex(s.rpi)))).toBe(true);
    // A changes identifier within 20 minutes.
    expect(new Set(heardByB.map((s) => toHex(s.rpi))).size).toBeGreaterThan(1);
    const heardByA = await a.services.sightings.since(0);
    expect(heardByA.length).toBeGreaterThanOrEqual(4);
    const bRpis = await rpisOf(b);
    expect(heardByA.every((s) => bRpis.has(toHex(s.rpi)) && !aRpis.has(toHex(s.rpi)))).toBe(true);
    await a.services.tracing.stop();
    await b.services.tracing.stop();
  });

  it('says why it is off: paused, no Bluetooth permission, Bluetooth off; and starts when that is fixed', async () => {
    const { clock, a, b } = await twoPhones({ granted: false });
    await b.permissions.requestBluetooth();
    await b.services.tracing.start();
    expect(await a.services.tracing.start()).toMatchObject({ active: false, blockers: ['bluetooth_permission'], warnings: ['notifications_off'] });
    await a.permissions.requestBluetooth();
    await a.permissions.requestNotifications();
    expect(await a.services.tracing.refresh()).toEqual({ active: true, blockers: [], warnings: [] });

    await a.services.state.set('settings.tracingPaused', true);
    expect(await a.services.tracing.refresh()).toMatchObject({ active: false, blockers: ['paused'] });
    const heardBefore = await a.services.sightings.count();
    const bHeardBefore = await b.services.sightings.count();
    await clock.advance(15 * MINUTE);
    expect(await b.services.sightings.count()).toBe(bHeardBefore); // a paused phone is silent
    expect(await a.services.sightings.count()).toBe(heardBefore); // and deaf

    await a.services.state.set('settings.tracingPaused', false);
    await a.services.tracing.refresh();
    await clock.advance(5 * MINUTE);
    expect(await b.services.sightings.count()).toBeGreaterThan(bHeardBefore);
    await a.services.tracing.stop();
    await b.services.tracing.stop();
  });

  it('stops when Bluetooth is switched off and starts again when it is on', async () => {
    let enabled = true;
    const db = await memoryDatabase();
    await migrate(db);
    const clock = new FakeClock(T0);
    const air = new MemoryAir();
    const radio = new SimulatedRadio({ id: 'y', air, rssi: () => -60, enabled: () => enabled });
    const dropped: unknown[] = [];
    const sightings = new SightingStore(db);
    const tracing = new TracingService({
      radio,
      keys: new DailyKeyStore(new MemorySecretStorage(), secureRandomBytes),
      sightings,
      clock,
      permissions: new MemoryPermissions('granted', 'granted'),
      conditions: { batterySaver: async () => true, onChange: () => () => {} },
      metadata: { versionMajor: 1, versionMinor: 0, txPowerDbm: -26, calibrationConfidence: 0 },
      timing: () => ({ scanIntervalSeconds: 300, scanWindowSeconds: 4, rotationMinSeconds: 600, rotationMaxSeconds: 1200 }),
      isPaused: async () => false,
      onDroppedPayload: (error) => dropped.push(error),
    });
    expect(await tracing.start()).toEqual({ active: true, blockers: [], warnings: ['battery_saver'] });
    const changes: boolean[] = [];
    tracing.subscribe((status) => changes.push(status.active));
    enabled = false;
    await radio.notifyStateChanged();
    await clock.advance(1000);
    expect(tracing.current()).toMatchObject({ active: false, blockers: ['bluetooth_off'] });
    enabled = true;
    await radio.notifyStateChanged();
    await clock.advance(1000);
    expect(changes).toEqual([false, true]);

    // A payload that is not RPI ‖ AEM is counted and dropped, never stored.
    air.post({ type: 'advertisement', from: 'junk', serviceData: [1, 2, 3] });
    await clock.advance(1000);
    expect(dropped).toHaveLength(1);
    expect(await sightings.count()).toBe(0);
    await tracing.stop();
  });
});
