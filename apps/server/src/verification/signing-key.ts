import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SealedBox } from '../platform/sealed-box.js';
import type { ServerSecretsStore } from './server-secrets.store.js';

/**
 * The verification server's secrets, kept as files in its directory (0700; files 0600) and created on first start:
 * the P-256 key that signs verification tokens and certificates (`signing-key.pem`, PKCS#8), and the 32-byte
 * secret under which codes are hashed and revision tokens encrypted (`secret`, base64). Several server processes
 * must share the directory (or BLUEZONE_VERIFICATION_SECRET and the same key file).
 */
export interface VerificationSecrets {
  privateKey: KeyObject;
  publicKey: KeyObject;
  secret: Buffer;
}

/** Reads a file, or writes it with `create()` when missing; a process that loses the race reads the winner's. */
function readOrCreate(file: string, create: () => string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    writeFileSync(file, create(), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8');
}

export function loadVerificationSecrets(dir: string, configuredSecret?: Buffer): VerificationSecrets {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const pem = readOrCreate(path.join(dir, 'signing-key.pem'), () =>
    generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ec' || privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error(`${path.join(dir, 'signing-key.pem')}: not a P-256 private key`);
  }
  const secret = configuredSecret ?? Buffer.from(readOrCreate(path.join(dir, 'secret'), () => randomBytes(32).toString('base64')).trim(), 'base64');
  if (secret.length < 32) throw new Error(`${path.join(dir, 'secret')}: must hold at least 32 bytes of base64`);
  return { privateKey, publicKey: createPublicKey(privateKey), secret };
}

function readIfThere(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The same secrets kept in the database, sealed under the key encryption key (BLUEZONE_KEY_ENCRYPTION_KEY), so
 * every server process behind a load balancer signs and checks the same tokens without sharing a directory. A
 * server moving from the directory takes the files it finds there, so codes and tokens in flight stay valid.
 */
export async function loadSharedVerificationSecrets(store: ServerSecretsStore, box: SealedBox, dir: string, configuredSecret: Buffer | undefined, now: Date): Promise<VerificationSecrets> {
  const shared = async (name: string, create: () => string) => box.open(await store.getOrCreate(name, () => box.seal(create(), name), now), name);
  const pem = await shared('verification/signing-key', () =>
    readIfThere(path.join(dir, 'signing-key.pem')) ?? generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  const privateKey = createPrivateKey(pem);
  const secret = configuredSecret ?? Buffer.from((await shared('verification/secret', () => readIfThere(path.join(dir, 'secret'))?.trim() ?? randomBytes(32).toString('base64'))).trim(), 'base64');
  return { privateKey, publicKey: createPublicKey(privateKey), secret };
}

/**
 * A key that signs chaff: fake tokens and certificates look and cost the same as real ones, but no verifier trusts
 * this key, so chaff can never be turned into a publish. New at every start, never stored.
 */
export function chaffSigningKey(): KeyObject {
  return generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
}
