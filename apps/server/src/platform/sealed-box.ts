import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Secrets kept in the database (export signing keys, the verification key and secret) are sealed with AES-256-GCM
 * (NIST SP 800-38D) under the key encryption key BLUEZONE_KEY_ENCRYPTION_KEY, which lives only in the processes'
 * environment (or is put there from a KMS at start): a copy of the database alone gives no key. The sealed text is
 * `v1.<iv>.<ciphertext>.<tag>` (base64url; 96-bit random IV, 128-bit tag). `context` (for instance
 * `signing-key/bluezone_vn/v2`) is bound as additional data, so a sealed value moved to another row does not open.
 */
export class SealedBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the key encryption key must be 32 bytes');
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv, ciphertext, cipher.getAuthTag()].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  /** The plaintext; throws when the value was not sealed under this key for this context, or was changed. */
  open(sealed: string, context: string): string {
    const [version, iv, ciphertext, tag] = sealed.split('.');
    if (version !== 'v1' || iv === undefined || ciphertext === undefined || tag === undefined) throw new Error(`${context}: not a sealed value`);
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new Error(`${context}: does not open with BLUEZONE_KEY_ENCRYPTION_KEY (another key, or changed)`);
    }
  }
}
