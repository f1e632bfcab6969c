import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A freshly generated P-256 key pair, as PEM. */
export interface GeneratedKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

/**
 * The private halves of the export signing keys: one PKCS#8 PEM file per (key id, version) in a directory only the
 * server's user can read (0700; files 0600). The only part of the signing-keys domain that touches files.
 */
export interface KeyVault {
  generate(): GeneratedKeyPair;
  /** Writes the private key atomically (temporary file renamed into place). */
  store(keyId: string, version: string, privateKeyPem: string): void;
  /** The private key PEM, or undefined if this machine does not hold it. */
  read(keyId: string, version: string): string | undefined;
}

export class FileKeyVault implements KeyVault {
  constructor(private readonly dir: string) {}

  private file(keyId: string, version: string): string {
    return path.join(this.dir, `${keyId}-${version}.pem`);
  }

  generate(): GeneratedKeyPair {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    return {
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
  }

  store(keyId: string, version: string, privateKeyPem: string): void {
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
  }

  read(keyId: string, version: string): string | undefined {
    try {
      return readFileSync(this.file(keyId, version), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}
