import { EXPORT_REPORT_TYPES, type ExportKey } from '@bluezone/protocol';
import { MemoryAir } from '../radio/simulated-radio';
import { FakeClock } from '../test-support/fake-clock';
import { FakeServer, newSigningKey } from '../test-support/fake-server';
import { T0, testPhone, type TestPhone } from '../test-support/test-platform';

const MINUTE = 60_000;

/** Two phones near each other for `minutes` at `rssi`, then apart for an hour. */
async function meet(minutes: number, rssi = -70) {
  const air = new MemoryAir();
  const clock = new FakeClock(T0);
  const server = new FakeServer();
  const a = await testPhone({ id: 'a', air, clock, server, granted: true, rssi });
  const b = await testPhone({ id: 'b', air, clock, server, granted: true, rssi });
  await a.services.tracing.start();
  await b.services.tracing.start();
  await clock.advance(minutes * MINUTE);
  await a.services.tracing.stop();
  await b.services.tracing.stop();
  await clock.advance(60 * MINUTE);
  return { clock, server, a, b };
}

/** A's keys as the export carries them after A published (a confirmed test). */
async function publishedKeysOf(phone: TestPhone, reportType: number = EXPORT_REPORT_TYPES.CONFIRMED_TEST): Promise<ExportKey[]> {
  const keys = await phone.services.keys.history(phone.clock.now() / 1000);
  return keys.map((k) => ({ keyData: k.tek, rollingStartIntervalNumber: k.rollingStartIntervalNumber, rollingPeriod: k.rollingPeriod, transmissionRiskLevel: 2, reportType, daysSinceOnsetOfSymptoms: 0 }));
}

const stranger = (): ExportKey => ({ keyData: crypto.getRandomValues(new Uint8Array(16)), rollingStartIntervalNumber: Math.floor(T0 / 600_000) - 144, rollingPeriod: 144, transmissionRiskLevel: 2, reportType: 1, daysSinceOnsetOfSymptoms: 0 });

describe('ExposureCheck', () => {
  it('warns once, with the day only, after 20 minutes near a phone whose keys were published', async () => {
    const { server, a, b } = await meet(20);
    server.addExport([stranger(), ...(await publishedKeysOf(a)), stranger()]);
    const first = await b.services.exposureCheck.run();
    expect(first.record).toMatchObject({ ok: true, filesChecked: 1 });
    expect(first.status).toEqual({ level: 'high', day: '2023-11-14', notifiedDays: ['2023-11-14'] });
    expect(first.notified).toBe(true);
    expect(b.notifications).toHaveLength(1);

    // Nothing new: nothing downloaded again, no second warning.
    const downloads = server.requests.length;
    const second = await b.services.exposureCheck.run();
    expect(second).toMatchObject({ notified: false, status: { level: 'high' }, record: { ok: true, filesChecked: 0 } });
    expect(server.requests.slice(downloads).map((r) => r.url.replace(server.origin, ''))).toEqual(['/api/v1/app-config', '/api/v1/export-keys', '/exports/VN/index.txt']);
    expect(b.notifications).toHaveLength(1);

    // The check only ever downloads: nothing about the sightings leaves the phone.
    expect(server.uploads()).toEqual([]);
    expect(await b.services.state.get('exposure.lastCheck')).toMatchObject({ ok: true });
  });

  it('does not call one sighting a contact: a 2-minute pass, or 20 minutes far away, is no close contact', async () => {
    // One scan heard the other phone: it stands for one scan period (5 minutes), a low-risk encounter, no warning.
    const brief = await meet(2);
    brief.server.addExport(await publishedKeysOf(brief.a));
    const result = await brief.b.services.exposureCheck.run();
    expect(result.status).toMatchObject({ level: 'low', day: '2023-11-14' });
    expect(result.notified).toBe(false);
    expect(brief.b.notifications).toEqual([]);

    const far = await meet(20, -95);
    far.server.addExport(await publishedKeysOf(far.a));
    expect((await far.b.services.exposureCheck.run()).status.level).toBe('none');
  });

  it('takes the warning back when the key is revoked (a negative test)', async () => {
    const { server, a, b } = await meet(20);
    server.addExport(await publishedKeysOf(a));
    expect((await b.services.exposureCheck.run()).status.level).toBe('high');
    server.addExport([stranger()], { revisedKeys: await publishedKeysOf(a, EXPORT_REPORT_TYPES.REVOKED) });
    expect((await b.services.exposureCheck.run()).status.level).toBe('none');
  });

  it('ignores a file whose signature does not verify, reports it, and tries it again next time', async () => {
    const { server, a, b } = await meet(20);
    const forger = newSigningKey('bluezone_vn', 'v1');
    server.addExport(await publishedKeysOf(a), { signer: forger });
    const result = await b.services.exposureCheck.run();
    expect(result.record).toMatchObject({ ok: false, error: 'export_signature_invalid', filesChecked: 0 });
    expect(result.status.level).toBe('none');
    const before = server.requests.filter((r) => r.url.endsWith('.zip')).length;
    await b.services.exposureCheck.run();
    expect(server.requests.filter((r) => r.url.endsWith('.zip')).length).toBe(before + 1);
  });

  it('pins the export keys on first use, follows a rotation, and refuses a wholesale replacement', async () => {
    const { server, a, b } = await meet(20);
    const first = server.signingKeys[0]!;
    expect((await b.services.exposureCheck.run()).record.ok).toBe(true);
    expect((await b.services.state.get('exposure.pinnedExportKeys'))?.map((k) => k.version)).toEqual(['v1']);

    // Rotation: v2 is active, v1 still listed during its overlap; a file signed by v2 verifies.
    const second = newSigningKey('bluezone_vn', 'v2');
    server.signingKeys = [second, first];
    server.addExport([stranger()], { signer: second });
    expect((await b.services.exposureCheck.run()).record).toMatchObject({ ok: true, filesChecked: 1 });
    expect((await b.services.state.get('exposure.pinnedExportKeys'))?.map((k) => k.version)).toEqual(['v2', 'v1']);

    // A server that suddenly lists only keys the phone never saw is not followed.
    const stranger3 = newSigningKey('bluezone_vn', 'v3');
    server.signingKeys = [stranger3];
    server.addExport(await publishedKeysOf(a), { signer: stranger3 });
    const refused = await b.services.exposureCheck.run();
    expect(refused.record).toMatchObject({ ok: false, error: 'export_signature_missing' });
    expect(refused.status.level).toBe('none');
    expect((await b.services.state.get('exposure.pinnedExportKeys'))?.map((k) => k.version)).toEqual(['v2', 'v1']);
  });

  it('records a network failure and keeps the last status', async () => {
    const { server, a, b } = await meet(20);
    server.addExport(await publishedKeysOf(a));
    expect((await b.services.exposureCheck.run()).status.level).toBe('high');
    server.offline = true;
    const offline = await b.services.exposureCheck.run();
    expect(offline.record).toMatchObject({ ok: false, error: 'network_error' });
    expect(offline.status.level).toBe('high');
  });

  it('forgets a warning 14 days after the contact', async () => {
    const { clock, server, a, b } = await meet(20);
    server.addExport(await publishedKeysOf(a));
    expect((await b.services.exposureCheck.run()).status.level).toBe('high');
    await clock.advance(15 * 86_400_000);
    expect((await b.services.exposureCheck.score()).status.level).toBe('none');
  });
});
