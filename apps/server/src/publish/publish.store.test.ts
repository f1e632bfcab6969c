import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { databaseTransactions } from '../db/transactions.js';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../test-support/databases.js';
import { VerificationStore } from '../verification/verification.store.js';
import type { ValidKey } from './publish.model.js';
import { PublishStore } from './publish.store.js';

// Concurrent publishes, claims and token uses: merged into one statement each on PostgreSQL (StatementBatch), one
// after the other in one transaction on SQLite; the answers must be those of each alone either way.
describeEachDialect('publish and verification writes of concurrent phones', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(dialect);
  });
  afterAll(async () => t?.close());

  const meta = { reportType: 'confirmed' as const, traveler: false, healthAuthority: 'vn.bluezone', createdAt: '2026-11-23T08:00:00.000Z' };
  const key = (keyData: Buffer = randomBytes(16)): ValidKey => ({ keyData, rollingStartInterval: 2_000_000, rollingPeriod: 144, transmissionRisk: 2, daysSinceOnset: 1, availableAt: '2026-11-23T08:00:00.000Z' });
  const stored = async (keys: readonly ValidKey[]) =>
    (await t.db.selectFrom('exposures').select('key_data').where('key_data', 'in', keys.map((k) => k.keyData)).execute()).length;

  it('stores the keys of every concurrent publish but the one with a key published already, which fails alone', async () => {
    const store = new PublishStore(t.db);
    const taken = key();
    await store.save([taken], meta, []);
    const uploads = [[key(), key()], [key(), key(taken.keyData)], [key()], [key(), key(), key()]];
    const results = await Promise.allSettled(uploads.map((keys) => store.save(keys, meta, [])));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'invalid_revision_token' });
    expect(await stored(uploads[0]!)).toBe(2);
    expect(await stored([uploads[1]![0]!])).toBe(0);
    expect(await stored(uploads[2]!)).toBe(1);
    expect(await stored(uploads[3]!)).toBe(3);
    if (dialect === 'postgres') expect(store['inserts']!.counts).toEqual({ merged: 0, failedMerges: 1 });
    // Without the duplicate, the merged insert itself stores them.
    const more = [[key(), key()], [key()], [key(), key(), key()]];
    await Promise.all(more.map((keys) => store.save(keys, meta, [])));
    expect(await stored(more.flat())).toBe(6);
    if (dialect === 'postgres') expect(store['inserts']!.counts).toEqual({ merged: 3, failedMerges: 1 });
  });

  it('inserts the keys of concurrent new publishes, and refuses whole, writing nothing, one with a key published already', async () => {
    const store = new PublishStore(t.db);
    const taken = key();
    await store.save([taken], meta, []);
    const uploads = [[key(), key()], [key(), key(taken.keyData)], [key()]];
    expect(await Promise.all(uploads.map((keys) => store.insertNew(keys, meta)))).toEqual([true, false, true]);
    expect(await stored(uploads[0]!)).toBe(2);
    expect(await stored([uploads[1]![0]!])).toBe(0);
    expect(await stored(uploads[2]!)).toBe(1);
    // Inside a transaction the refusal leaves it usable: what follows in it still commits.
    const later = key();
    await databaseTransactions(t.db).run(async () => {
      expect(await store.insertNew([key(), key(taken.keyData)], meta)).toBe(false);
      expect(await store.insertNew([later], meta)).toBe(true);
    });
    expect(await stored([later])).toBe(1);
  });

  it('answers each concurrent look-up the published keys among its own', async () => {
    const store = new PublishStore(t.db);
    const [a, b, c] = [key(), key(), key()];
    await store.save([a, b], meta, []);
    const found = await Promise.all([[a.keyData, key().keyData], [key().keyData], [b.keyData, a.keyData], [c.keyData]].map((keys) => store.findPublished(keys)));
    expect(found.map((rows) => rows.map((r) => r.keyData.toString('hex')).sort())).toEqual([[a.keyData.toString('hex')], [], [a.keyData, b.keyData].map((k) => k.toString('hex')).sort(), []]);
    expect(found[0]![0]).toMatchObject({ rollingStartInterval: 2_000_000, rollingPeriod: 144, reportType: 'confirmed', revisedReportType: null });
    if (dialect === 'postgres') expect(store['lookups']!.counts).toEqual({ merged: 4, failedMerges: 0 });
  });

  it('lets one of two concurrent uses of a token win, and records the others', async () => {
    const store = new VerificationStore(t.db);
    const now = new Date('2026-11-23T08:00:00Z');
    const used = await Promise.all(['t1', 't2', 't1', 't3', 't2'].map((jti) => store.useToken(jti, now, '2026-11-24T08:00:00.000Z')));
    expect(used).toEqual([true, true, false, true, false]);
    expect(await Promise.all(['t1', 't4'].map((jti) => store.useToken(jti, now, '2026-11-24T08:00:00.000Z')))).toEqual([false, true]);
    if (dialect === 'postgres') expect(store['tokenUses']!.counts).toEqual({ merged: 7, failedMerges: 0 });
  });

  it('claims each code once among concurrent phones, by its short or long code, and only while it lives', async () => {
    const store = new VerificationStore(t.db);
    const now = new Date('2026-11-23T08:00:00Z');
    const code = (n: number, expiresAt = '2026-11-23T08:15:00.000Z') => ({
      uuid: `u${n}`,
      codeHash: `short${n}`,
      longCodeHash: `long${n}`,
      testType: 'likely' as const,
      symptomDate: '2026-11-20',
      testDate: null,
      issuedBy: null,
      issuedAt: '2026-11-23T07:55:00.000Z',
      expiresAt,
      longExpiresAt: '2026-11-24T07:55:00.000Z',
    });
    for (const c of [code(1), code(2), code(3, '2026-11-23T07:59:00.000Z'), code(4)]) expect(await store.insertCode(c)).toBe(true);
    const claims = await Promise.all(['short1', 'short1', 'long2', 'short2', 'short3', 'long3', 'nothing', 'short4'].map((hash) => store.claim(hash, now)));
    // Which of a code's short and long code wins, sent at the same instant, is not said; one of them does.
    expect(claims.map((c) => c?.uuid)).toEqual(['u1', undefined, claims[2]?.uuid, claims[3]?.uuid, undefined, 'u3', undefined, 'u4']);
    expect([claims[2]?.uuid, claims[3]?.uuid].sort()).toEqual(['u2', undefined]);
    expect(claims[0]).toMatchObject({ testType: 'likely', symptomDate: '2026-11-20', testDate: null, claimedAt: now.toISOString() });
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from verification_codes where claimed_at is not null and (code_hash is not null or long_code_hash is not null)`.execute(t.db);
    expect(Number(rows[0]!.n)).toBe(0);
    expect(await store.claim('short1', now)).toBeUndefined();
    if (dialect === 'postgres') expect(store['claims']!.counts).toEqual({ merged: 8, failedMerges: 0 });
  });
});
