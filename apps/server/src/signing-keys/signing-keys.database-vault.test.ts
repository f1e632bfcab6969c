import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSignedExportZip, verifyExportZip } from '@bluezone/protocol';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AuditService } from '../audit/audit.service.js';
import { AuditStore } from '../audit/audit.store.js';
import { loadConfig } from '../config.js';
import { EnvReader } from '../platform/env-reader.js';
import { fakeClock } from '../platform/platform.js';
import { SealedBox } from '../platform/sealed-box.js';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../test-support/databases.js';
import { ServerSecretsStore } from '../verification/server-secrets.store.js';
import { loadSharedVerificationSecrets, loadVerificationSecrets } from '../verification/signing-key.js';
import { readSigningKeysConfig, type SigningKeysConfig } from './signing-keys.config.js';
import { SigningKeysService } from './signing-keys.service.js';
import { SigningKeysStore } from './signing-keys.store.js';
import { DatabaseKeyVault, FileKeyVault } from './signing-keys.vault.js';

// Several processes on one database: each builds its own service over the same rows and the same key encryption key.
describeEachDialect('signing keys and verification secrets in the database', (dialect) => {
  let t: TestDatabase;
  let dir: string;
  let config: SigningKeysConfig;
  const clock = fakeClock();
  const kek = randomBytes(32);
  const process = (key = kek, previous?: FileKeyVault) =>
    new SigningKeysService(new SigningKeysStore(t.db), new DatabaseKeyVault(new SealedBox(key)), config, clock, new AuditService(new AuditStore(t.db), clock), previous);

  beforeAll(async () => {
    t = await openTestDatabase(dialect);
    dir = mkdtempSync(path.join(tmpdir(), 'bluezone-keys-'));
    config = readSigningKeysConfig(new EnvReader({}), loadConfig({ BLUEZONE_DATA_DIR: dir }));
  });
  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('adopts a key made in the directory, then signs in every process with it, sealed in its row and in no file', async () => {
    // The server ran with the directory vault first.
    const fileVault = new FileKeyVault(config.dir);
    const before = await new SigningKeysService(new SigningKeysStore(t.db), fileVault, config, clock, new AuditService(new AuditStore(t.db), clock)).ensureActiveKey();
    await process(kek, fileVault).ensureActiveKey();
    const [row] = await t.db.selectFrom('signing_keys').select(['version', 'private_key_sealed']).execute();
    expect(row!.version).toBe(before.version);
    expect(row!.private_key_sealed).toMatch(/^v1\./);
    expect(row!.private_key_sealed).not.toContain('PRIVATE KEY');
    rmSync(config.dir, { recursive: true, force: true });

    const [a, b] = [process(), process()];
    for (const signer of [await a.activeSigner(), await b.activeSigner()]) {
      const { zip } = buildSignedExportZip({ startTimestamp: 0, endTimestamp: 3600, region: 'VN', batchNum: 1, batchSize: 1, signatureInfos: [signer.signatureInfo], keys: [], revisedKeys: [] }, [signer]);
      expect(verifyExportZip(zip, before.publicKeyPem)).toMatchObject({ valid: true });
    }
  });

  it('rotates in one process and signs with the new key in another, without writing a file', async () => {
    const rotated = await process().rotate({ id: 1, username: 'admin', unitCode: '20' });
    expect((await process().activeSigner()).signatureInfo.verificationKeyVersion).toBe(rotated.version);
    expect(existsSync(config.dir)).toBe(false);
  });

  it('refuses to sign when the key encryption key is not the one the keys were sealed with', async () => {
    await expect(process(randomBytes(32)).activeSigner()).rejects.toThrow(/does not open/);
  });

  it('shares the verification key and secret through the database, taking over the directory files', async () => {
    const verificationDir = path.join(dir, 'verification');
    const fromFiles = loadVerificationSecrets(verificationDir, undefined);
    const box = new SealedBox(kek);
    const store = new ServerSecretsStore(t.db);
    // The first process to start takes the directory's files; one started elsewhere later gets the same secrets.
    const a = await loadSharedVerificationSecrets(store, box, verificationDir, undefined, clock.now());
    const b = await loadSharedVerificationSecrets(store, box, path.join(dir, 'elsewhere'), undefined, clock.now());
    const pem = (k: typeof a) => k.publicKey.export({ type: 'spki', format: 'pem' });
    expect(pem(a)).toEqual(pem(fromFiles));
    expect(pem(b)).toEqual(pem(a));
    expect(b.secret).toEqual(fromFiles.secret);
    const rows = await t.db.selectFrom('server_secrets').select(['name', 'sealed']).orderBy('name').execute();
    expect(rows.map((r) => r.name)).toEqual(['verification/secret', 'verification/signing-key']);
    expect(rows.every((r) => r.sealed.startsWith('v1.') && !r.sealed.includes('PRIVATE'))).toBe(true);
    await expect(loadSharedVerificationSecrets(store, new SealedBox(randomBytes(32)), verificationDir, undefined, clock.now())).rejects.toThrow(/does not open/);
  });
});
