import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import type { Random } from '../platform/platform.js';

/**
 * Revision tokens, as Google's key server (pkg/revision): the keys a publish stored, encrypted with AES-256-GCM
 * under a key derived from the server secret, so only this server can read them and a phone can prove later that
 * it published those keys. Padded to a fixed size, so the token does not tell how many keys it covers.
 *
 * Plaintext: version 1 (1 byte), count (1 byte), then per key 16 bytes of key, rolling start (u32 BE), rolling
 * period (1 byte), then random bytes up to PLAINTEXT_SIZE. Token: base64(iv ‖ ciphertext ‖ tag).
 */
export interface RevisableKey {
  keyData: Buffer;
  rollingStartInterval: number;
  rollingPeriod: number;
}

const VERSION = 1;
const ENTRY = 21;
const MAX_ENTRIES = 100;
const PLAINTEXT_SIZE = 2 + ENTRY * MAX_ENTRIES;

export class RevisionTokens {
  private readonly key: Buffer;

  constructor(
    secret: Buffer,
    private readonly random: Random,
  ) {
    this.key = createHmac('sha256', secret).update('bluezone revision token v1').digest();
  }

  seal(keys: readonly RevisableKey[]): string {
    if (keys.length > MAX_ENTRIES) throw new Error(`a revision token holds at most ${MAX_ENTRIES} keys`);
    const plain = Buffer.concat([Buffer.from([VERSION, keys.length]), ...keys.map(entry), this.random.bytes(PLAINTEXT_SIZE - 2 - ENTRY * keys.length)]);
    const iv = this.random.bytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return sealed.toString('base64');
  }

  /** The keys a token covers, or undefined when it is not one of ours (forged, altered or truncated). */
  open(token: string): RevisableKey[] | undefined {
    const raw = Buffer.from(token, 'base64');
    if (raw.length !== 12 + PLAINTEXT_SIZE + 16) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(raw.length - 16));
      const plain = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
      if (plain[0] !== VERSION || plain[1]! > MAX_ENTRIES) return undefined;
      return Array.from({ length: plain[1]! }, (_, i) => {
        const at = 2 + i * ENTRY;
        return { keyData: Buffer.from(plain.subarray(at, at + 16)), rollingStartInterval: plain.readUInt32BE(at + 16), rollingPeriod: plain[at + 20]! };
      });
    } catch {
      return undefined;
    }
  }
}

function entry(key: RevisableKey): Buffer {
  const out = Buffer.alloc(ENTRY);
  key.keyData.copy(out, 0, 0, 16);
  out.writeUInt32BE(key.rollingStartInterval, 16);
  out[20] = key.rollingPeriod;
  return out;
}
