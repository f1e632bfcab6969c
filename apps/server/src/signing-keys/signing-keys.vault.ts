import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SealedBox } from '../platform/sealed-box.js';
import type { SigningKeyRecord } from './signing-keys.model.js';

/** A freshly generated P-256 key pair, as PEM. */
export interface GeneratedKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

/**
 * Where the private halves of the export signing keys are kept:
 * - FileKeyVault (default): one PKCS#8 PEM file per (key id, version) in a directory only the server's user can read
 *   (0700; files 0600). Simple for one process; several processes must share the directory.
 * - DatabaseKeyVault (BLUEZONE_KEY_ENCRYPTION_KEY set): sealed with AES-256-GCM in the key's own row, so every
 *   process that reaches the database and holds the key encryption key signs with the same key, and a copy of the
 *   database alone holds no usable key.
 */
export interface KeyVault {
  /** Words for messages: where a missing key was looked for. */
  readonly where: string;
  generate(): GeneratedKeyPair;
  /**
   * Keeps the private key of a key just inserted, inside the inserting transaction; answers what the row must hold
   * (the sealed key) or null.
   */
  keep(keyId: string, version: string, privateKeyPem: string): string | null;
  /** The private key PEM, or undefined if this vault does not hold it. */
  read(key: SigningKeyRecord): string | undefined;
}

function generateP256(): GeneratedKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export class FileKeyVault implements KeyVault {
  constructor(private readonly dir: string) {}

  get where(): string {
    return this.dir;
  }

  private file(keyId: string, version: string): string {
    return path.join(this.dir, `${keyId}-${version}.pem`);
  }

  generate(): GeneratedKeyPair {
    return generateP256();
  }

  keep(keyId: string, version: string, privateKeyPem: string): null {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    // mkdir's mode is masked by umask and ignored for an existing directory: set it explicitly.
    chmodSync(this.dir, 0o700);
    const target = this.file(keyId, version);
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    // Replacing an existing file is safe: the store writes it only for a (key id, version) it has just inserted, so
    // an existing file there is a leftover of a transaction that did not commit, never a key that signed anything.
    try {
      writeFileSync(temp, privateKeyPem, { mode: 0o600, flag: 'wx' });
      chmodSync(temp, 0o600);
      renameSync(temp, target);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
    return null;
  }

  read(key: Pick<SigningKeyRecord, 'keyId' | 'version'>): string | undefined {
    try {
      return readFileSync(this.file(key.keyId, key.version), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}

export class DatabaseKeyVault implements KeyVault {
  readonly where = 'the database (sealed under BLUEZONE_KEY_ENCRYPTION_KEY)';

  constructor(private readonly box: SealedBox) {}

  static context(keyId: string, version: string): string {
    return `signing-key/${keyId}/${version}`;
  }

  generate(): GeneratedKeyPair {
    return generateP256();
  }

  keep(keyId: string, version: string, privateKeyPem: string): string {
    return this.box.seal(privateKeyPem, DatabaseKeyVault.context(keyId, version));
  }

  read(key: SigningKeyRecord): string | undefined {
    return key.privateKeySealed === null ? undefined : this.box.open(key.privateKeySealed, DatabaseKeyVault.context(key.keyId, key.version));
  }
}
