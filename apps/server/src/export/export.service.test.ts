import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readExportZip, verifyExportZip } from '@bluezone/protocol';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AuditService } from '../audit/audit.service.js';
import { AuditStore } from '../audit/audit.store.js';
import { loadConfig } from '../config.js';
import { EnvReader } from '../platform/env-reader.js';
import { fakeClock, systemRandom } from '../platform/platform.js';
import { readSigningKeysConfig } from '../signing-keys/signing-keys.config.js';
import { SigningKeysService } from '../signing-keys/signing-keys.service.js';
import { SigningKeysStore } from '../signing-keys/signing-keys.store.js';
import { FileKeyVault } from '../signing-keys/signing-keys.vault.js';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../test-support/databases.js';
import { countExposures, insertExposures } from '../test-support/exposures.js';
import { readExportConfig, type ExportConfig } from './export.config.js';
import { ExportDirectory } from './export.directory.js';
import { iso } from './export.model.js';
import { ExportService } from './export.service.js';
import { ExportStore } from './export.store.js';

const HOUR = 3600;
const T = 1_795_910_400; // 2026-11-28T00:00:00Z
const DAY_INTERVAL = (T / 86400 - 2) * 144; // keys of two days before T
const key = (n: number, last = 0) => Uint8Array.from({ length: 16 }, (_, i) => (i === 15 ? last : (n * 37 + i) & 0xff));

// The export on a real database and real files: what the worker and `bluezone export run` do.
describeEachDialect('export batches', (dialect) => {
  let t: TestDatabase;
  let dir: string;
  let config: ExportConfig;
  const clock = fakeClock(new Date((T + 30 * 60) * 1000));
  let signingKeys: SigningKeysService;
  let service: (overrides?: Partial<ExportConfig>) => ExportService;

  beforeAll(async () => {
    t = await openTestDatabase(dialect);
    dir = mkdtempSync(path.join(tmpdir(), 'bluezone-export-'));
    const env = new EnvReader({ BLUEZONE_EXPORT_MIN_KEYS: '1000', BLUEZONE_EXPORT_PADDING_JITTER: '100' });
    const base = loadConfig({ BLUEZONE_DATA_DIR: dir });
    config = readExportConfig(env, base);
    const keysConfig = readSigningKeysConfig(env, base);
    signingKeys = new SigningKeysService(new SigningKeysStore(t.db), new FileKeyVault(keysConfig.dir), keysConfig, clock, new AuditService(new AuditStore(t.db), clock));
    await signingKeys.ensureActiveKey();
    service = (overrides = {}) =>
      new ExportService(new ExportStore(t.db), signingKeys, new ExportDirectory(config.exportsDir), { ...config, ...overrides }, { clock, random: systemRandom });
  });
  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const read = (name: string) => new Uint8Array(readFileSync(path.join(config.exportsDir, name)));
  const index = () => readFileSync(path.join(config.exportsDir, 'VN', 'index.txt'), 'utf8');

  it('writes a signed, padded, sorted file of the keys that became available, and lists it in index.txt', async () => {
    await insertExposures(t.db, [
      { keyData: key(1), rollingStartInterval: DAY_INTERVAL, transmissionRisk: 4, daysSinceOnset: 1, availableAt: iso(T - 100) },
      { keyData: key(2), rollingStartInterval: DAY_INTERVAL + 144, reportType: 'likely', availableAt: iso(T - 50) },
      { keyData: key(3), rollingStartInterval: DAY_INTERVAL, availableAt: iso(T + 100) }, // embargoed past the window
    ]);
    const batch = await service().cutBatch('period');
    expect(batch).toMatchObject({ start: T - 14 * 86400, end: T, realKeys: 2, revisedKeys: 0 });
    expect(batch!.paddingKeys).toBeGreaterThanOrEqual(998);
    expect(batch!.paddingKeys).toBeLessThanOrEqual(1098);
    const name = `VN/${T - 14 * 86400}-${T}-00001.zip`;
    expect(batch!.files.map((f) => f.name)).toEqual([name]);
    expect(index()).toBe(batch!.files.map((f) => `${f.name}\n`).join(''));

    const [published] = await signingKeys.listPublished();
    const zip = read(name);
    expect(verifyExportZip(zip, published!.publicKeyPem)).toMatchObject({ valid: true, signatureInfo: { verificationKeyId: 'bluezone_vn', verificationKeyVersion: 'v1', signatureAlgorithm: '1.2.840.10045.4.3.2' } });
    const { export: file } = readExportZip(zip);
    expect(file).toMatchObject({ region: 'VN', startTimestamp: T - 14 * 86400, endTimestamp: T, batchNum: 1 });
    const hex = file.keys.map((k) => Buffer.from(k.keyData).toString('hex'));
    expect([...hex].sort()).toEqual(hex);
    const real = file.keys.find((k) => Buffer.compare(k.keyData, key(1)) === 0);
    expect(real).toEqual({ keyData: key(1), transmissionRiskLevel: 4, rollingStartIntervalNumber: DAY_INTERVAL, rollingPeriod: 144, reportType: 1, daysSinceOnsetOfSymptoms: 1 });
    expect(file.keys.some((k) => Buffer.compare(k.keyData, key(3)) === 0)).toBe(false);
  });

  it('cuts nothing until the next window is due and settled, then cuts it once even when two processes try', async () => {
    expect(await service().cutBatch('period')).toBeNull();
    clock.advance(HOUR); // T + 1h30: the window (T, T+1h] is due
    const results = await Promise.all([service().cutBatch('period'), service().cutBatch('period')]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(results.find((r) => r)).toMatchObject({ start: T, end: T + HOUR, realKeys: 1 }); // key 3, now out of embargo
    expect(index().trim().split('\n').at(-1)).toBe(`VN/${T}-${T + HOUR}-00001.zip`);
  });

  it('cuts up to now for `export run`, with revised keys and several files when the batch is large', async () => {
    const many = Array.from({ length: 1500 }, (_, i) => ({ keyData: key(i % 250, 1 + Math.floor(i / 250)), rollingStartInterval: DAY_INTERVAL, availableAt: iso(T + HOUR + 60) }));
    await insertExposures(t.db, many);
    await t.db.updateTable('exposures' as never).set({ revised_at: iso(T + HOUR + 120), revised_report_type: 'revoked' } as never).where('key_data' as never, '=', Buffer.from(key(1)) as never).execute();
    const batch = await service({ maxKeysPerFile: 1000 }).cutBatch('now');
    expect(batch).toMatchObject({ start: T + HOUR, end: T + HOUR + 30 * 60 - 10, realKeys: 1500, revisedKeys: 1, paddingKeys: 0 });
    expect(batch!.files.map((f) => [f.batchNum, f.batchSize, f.keys])).toEqual([[1, 2, 1000], [2, 2, 501]]);
    const second = readExportZip(read(batch!.files[1]!.name)).export;
    expect(second.revisedKeys.map((k) => [Buffer.from(k.keyData).toString('hex'), k.reportType])).toEqual([[Buffer.from(key(1)).toString('hex'), 5]]);
    const first = readExportZip(read(batch!.files[0]!.name)).export;
    expect(Buffer.compare(first.keys.at(-1)!.keyData, second.keys[0]!.keyData)).toBe(-1); // sorted across files
    expect(index().trim().split('\n').slice(-2)).toEqual(batch!.files.map((f) => f.name));
  });

  it('takes over a batch whose process died once its lease ran out, and not before', async () => {
    const store = new ExportStore(t.db);
    const last = await store.latestBatch('VN');
    clock.advance(HOUR);
    const window = { start: last!.end, end: last!.end + 600 };
    const lease = new Date(clock.now().getTime() + 60_000).toISOString();
    const id = await store.claimBatch('VN', window, lease, clock.now());
    expect(id).toBeDefined();
    expect(await store.claimBatch('VN', { start: window.start, end: window.end + 5 }, lease, clock.now())).toBeUndefined();
    expect(await service().cutBatch('now')).toBeNull();
    clock.advance(61);
    expect(await service().cutBatch('now')).toMatchObject(window);
    expect((await store.latestBatch('VN'))?.status).toBe('complete');
  });

  it('claims no window without the private key, and frees a window at once when cutting it fails', async () => {
    const store = new ExportStore(t.db);
    const before = await store.latestBatch('VN');
    clock.advance(600);
    const keyless = new ExportService(store, { activeSigner: () => Promise.reject(new Error('no private key here')) }, new ExportDirectory(config.exportsDir), config, { clock, random: systemRandom });
    await expect(keyless.cutBatch('now')).rejects.toThrow('no private key here');
    expect(await store.latestBatch('VN')).toEqual(before);

    const failing = Object.create(store) as ExportStore;
    failing.keyRecordsUnrevisedByEnd = async function* () {
      yield* [];
      throw new Error('no such table: exposures');
    };
    const broken = new ExportService(failing, signingKeys, new ExportDirectory(config.exportsDir), config, { clock, random: systemRandom });
    await expect(broken.cutBatch('now')).rejects.toThrow('no such table');
    const pending = await store.latestBatch('VN');
    expect(pending).toMatchObject({ status: 'pending', leaseExpiresAt: '' });
    clock.advance(60);
    // The freed window is cut as it was, then the one after it up to now.
    expect(await service().cutDueBatches('now')).toMatchObject([{ start: before!.end, end: pending!.end }, { start: pending!.end, end: pending!.end + 60 }]);
    expect((await store.latestBatch('VN'))?.status).toBe('complete');
  });

  it('cuts up to the moment it was asked, even when seconds pass while it writes (bluezone export run)', async () => {
    clock.advance(600);
    // A slow machine: every reading of the clock is 2 s later than the one before.
    const slowClock = { now: () => (clock.advance(2), clock.now()) };
    const slow = new ExportService(new ExportStore(t.db), signingKeys, new ExportDirectory(config.exportsDir), config, { clock: slowClock, random: systemRandom });
    expect(await slow.cutDueBatches('now')).toHaveLength(1);
  });

  it('lists the live files for statistics, oldest first', async () => {
    const files = await service().listFiles();
    expect(files.map((f) => f.name)).toEqual(index().trim().split('\n'));
    expect(files[0]).toMatchObject({ region: 'VN', batchNum: 1, startTimestamp: T - 14 * 86400, endTimestamp: T });
    expect(files.every((f) => f.bytes > 0 && f.keys > 0)).toBe(true);
  });

  it('removes files past retention from the index and the disk, and keys past retention from the database', async () => {
    const before = await countExposures(t.db);
    await insertExposures(t.db, [{ keyData: key(99, 99), rollingStartInterval: DAY_INTERVAL - 20 * 144, availableAt: iso(T - 100) }]);
    const retention = await service().applyRetention();
    expect(retention).toEqual({ filesDeleted: 0, keysDeleted: 1 });
    expect(await countExposures(t.db)).toBe(before);

    clock.advance(14 * 86400 - 2 * HOUR); // the first file's window ended 14 days ago; the keys' days ended 15 and 16 days ago
    const firstName = index().split('\n')[0]!;
    const live = (await service().listFiles()).length;
    expect(await service().applyRetention()).toEqual({ filesDeleted: 1, keysDeleted: before });
    expect(await countExposures(t.db)).toBe(0);
    expect(index()).not.toContain(firstName);
    expect(index().trim().split('\n')).toHaveLength(live - 1);
    expect(readdirSync(path.join(config.exportsDir, 'VN'))).not.toContain(path.basename(firstName));

    clock.advance(30 * 86400);
    const worker = service();
    const { batches, retention: last } = await worker.tick();
    expect(batches).toHaveLength(1); // the gap is cut as one padded batch
    const batch = batches[0];
    expect(last.filesDeleted).toBe(live - 1);
    expect(index()).toBe(batch!.files.map((f) => `${f.name}\n`).join(''));
    expect(readdirSync(path.join(config.exportsDir, 'VN')).filter((f) => f.endsWith('.zip'))).toEqual(batch!.files.map((f) => path.basename(f.name)));
  });

  it('applies retention at a worker\'s first turn, then once an hour, not at every turn', async () => {
    const worker = service();
    await worker.tick();
    await insertExposures(t.db, [{ keyData: key(98, 98), rollingStartInterval: (Math.floor(clock.now().getTime() / 86_400_000) - 20) * 144, availableAt: iso(T - 100) }]);
    const before = await countExposures(t.db);
    clock.advance(59 * 60);
    expect((await worker.tick()).retention).toEqual({ filesDeleted: 0, keysDeleted: 0 });
    expect(await countExposures(t.db)).toBe(before);
    clock.advance(60);
    expect((await worker.tick()).retention.keysDeleted).toBe(1);
    expect(await countExposures(t.db)).toBe(before - 1);
  });
});
