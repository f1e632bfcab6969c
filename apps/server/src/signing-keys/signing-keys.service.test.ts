import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXPORT_SIGNATURE_ALGORITHM, buildSignedExportZip, verifyExportZip } from '@bluezone/protocol';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AuditService } from '../audit/audit.service.js';
import { AuditStore } from '../audit/audit.store.js';
import { loadConfig } from '../config.js';
import { EnvReader } from '../platform/env-reader.js';
import { fakeClock } from '../platform/platform.js';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../test-support/databases.js';
import { readSigningKeysConfig, type SigningKeysConfig } from './signing-keys.config.js';
import { SigningKeysService } from './signing-keys.service.js';
import { SigningKeysStore } from './signing-keys.store.js';
import { FileKeyVault } from './signing-keys.vault.js';
import { officialProvinceUnits } from '../units/units.seed.js';
import { UnitsStore } from '../units/units.store.js';

const DAY = 86400;

describeEachDialect('export signing keys', (dialect) => {
  let t: TestDatabase;
  let dir: string;
  let config: SigningKeysConfig;
  let audit: AuditStore;
  const clock = fakeClock();
  const service = () => new SigningKeysService(new SigningKeysStore(t.db), new FileKeyVault(config.dir), config, clock, new AuditService(audit, clock));

  beforeAll(async () => {
    t = await openTestDatabase(dialect);
    audit = new AuditStore(t.db);
    // Audit entries are read within a unit's subtree, so the tree must be there.
    await new UnitsStore(t.db).insertMissing(officialProvinceUnits('20'), new Date());
    dir = mkdtempSync(path.join(tmpdir(), 'bluezone-keys-'));
    config = readSigningKeysConfig(new EnvReader({}), loadConfig({ BLUEZONE_DATA_DIR: dir }));
  });
  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('generates v1 on first start, once, with the private key readable only by its owner', async () => {
    const [first, again] = await Promise.all([service().ensureActiveKey(), service().ensureActiveKey()]);
    expect(first).toMatchObject({ keyId: 'bluezone_vn', version: 'v1', algorithm: EXPORT_SIGNATURE_ALGORITHM, retiredAt: null });
    expect(again.publicKeyPem).toBe(first.publicKeyPem);
    expect(await service().listPublished()).toEqual([{ keyId: 'bluezone_vn', version: 'v1', algorithm: EXPORT_SIGNATURE_ALGORITHM, publicKeyPem: first.publicKeyPem }]);
    expect(readdirSync(config.dir)).toEqual(['bluezone_vn-v1.pem']);
    expect(statSync(config.dir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(config.dir, 'bluezone_vn-v1.pem')).mode & 0o777).toBe(0o600);
  });

  it('signs with the active key so that the listed public key verifies the file', async () => {
    const signer = await service().activeSigner();
    const { zip } = buildSignedExportZip(
      { startTimestamp: 0, endTimestamp: 3600, region: 'VN', batchNum: 1, batchSize: 1, signatureInfos: [signer.signatureInfo], keys: [], revisedKeys: [] },
      [signer],
    );
    const [published] = await service().listPublished();
    expect(verifyExportZip(zip, published!.publicKeyPem)).toMatchObject({ valid: true, signatureInfo: { verificationKeyId: 'bluezone_vn', verificationKeyVersion: 'v1' } });
  });

  it('rotates to v2, keeps v1 published for the overlap, then drops it', async () => {
    const v1 = (await service().listPublished())[0]!;
    clock.advance(60);
    const v2 = await service().rotate({ id: 1, username: 'admin', unitCode: '20' });
    expect(v2.version).toBe('v2');
    expect((await service().activeSigner()).signatureInfo.verificationKeyVersion).toBe('v2');
    expect((await service().listPublished()).map((k) => k.version)).toEqual(['v2', 'v1']);
    expect((await service().listPublished())[1]!.publicKeyPem).toBe(v1.publicKeyPem);
    expect((await audit.list({ scopeUnit: '20', action: 'signing_key.rotate' }, 5))[0]).toMatchObject({ actorUsername: 'admin', targetId: 'bluezone_vn/v2' });

    clock.advance(15 * DAY - 1);
    expect((await service().listPublished()).map((k) => k.version)).toEqual(['v2', 'v1']);
    clock.advance(1);
    expect((await service().listPublished()).map((k) => k.version)).toEqual(['v2']);
    expect(readdirSync(config.dir).sort()).toEqual(['bluezone_vn-v1.pem', 'bluezone_vn-v2.pem']);
  });

  it('says so when this machine lacks the active private key, instead of signing with another', async () => {
    rmSync(path.join(config.dir, 'bluezone_vn-v2.pem'));
    await expect(service().activeSigner()).rejects.toThrow(/bluezone_vn v2 is not in/);
  });
});
