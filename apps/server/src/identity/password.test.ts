import { describe, expect, it } from 'vitest';
import { systemRandom } from '../platform/platform.js';
import { PasswordHasher } from './password.js';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher(1024, systemRandom);

  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hasher.hash('mật khẩu dài');
    const b = await hasher.hash('mật khẩu dài');
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await hasher.verify('mật khẩu dài', a)).toBe(true);
    expect(await hasher.verify('mat khau dai', a)).toBe(false);
  });

  it('verifies hashes made with other costs, and refuses malformed ones', async () => {
    const old = await new PasswordHasher(2048, systemRandom).hash('pw');
    expect(await hasher.verify('pw', old)).toBe(true);
    expect(await hasher.verify('pw', 'plain')).toBe(false);
    expect(await hasher.verify('pw', 'bcrypt$1$2$3$4$5')).toBe(false);
  });
});
