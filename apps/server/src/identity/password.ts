import { scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Random } from '../platform/platform.js';

const scrypt = (password: string, salt: Buffer, length: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCallback(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;

/**
 * scrypt password hashes (RFC 7914) as `scrypt$N$r$p$salt$hash`, base64. The parameters travel with each hash, so
 * raising the cost later still verifies old hashes. Hashing runs off the event loop (async scrypt).
 */
export class PasswordHasher {
  constructor(
    private readonly cost: number,
    private readonly random: Random,
  ) {}

  async hash(password: string): Promise<string> {
    const salt = this.random.bytes(SALT_LENGTH);
    const key = await scrypt(password, salt, KEY_LENGTH, this.options(this.cost, BLOCK_SIZE, PARALLELISM));
    return ['scrypt', this.cost, BLOCK_SIZE, PARALLELISM, salt.toString('base64'), key.toString('base64')].join('$');
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const parts = stored.split('$');
    if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
    const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
    const salt = Buffer.from(parts[4]!, 'base64');
    const expected = Buffer.from(parts[5]!, 'base64');
    const key = await scrypt(password, salt, expected.length, this.options(n, r, p));
    return key.length === expected.length && timingSafeEqual(key, expected);
  }

  /**
   * Spends the time of one verification without a user to verify, so an unknown username answers as slowly as a
   * wrong password and response times do not tell which usernames exist.
   */
  async burn(password: string): Promise<void> {
    await scrypt(password, Buffer.alloc(SALT_LENGTH), KEY_LENGTH, this.options(this.cost, BLOCK_SIZE, PARALLELISM));
  }

  // Node refuses scrypt above 32 MiB of memory by default; N=2^15, r=8 needs 32 MiB, so allow twice what is needed.
  private options(N: number, r: number, p: number): ScryptOptions {
    return { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
  }
}
