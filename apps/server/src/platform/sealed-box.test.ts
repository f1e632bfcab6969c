import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SealedBox } from './sealed-box.js';

describe('SealedBox', () => {
  const box = new SealedBox(randomBytes(32));

  it('opens what it sealed, and seals the same text differently each time', () => {
    const a = box.seal('-----BEGIN PRIVATE KEY-----', 'signing-key/bluezone_vn/v1');
    expect(box.open(a, 'signing-key/bluezone_vn/v1')).toBe('-----BEGIN PRIVATE KEY-----');
    expect(box.seal('-----BEGIN PRIVATE KEY-----', 'signing-key/bluezone_vn/v1')).not.toBe(a);
    expect(a).not.toContain('PRIVATE');
  });

  it('refuses another key, another context and any changed byte', () => {
    const sealed = box.seal('secret', 'signing-key/bluezone_vn/v1');
    expect(() => new SealedBox(randomBytes(32)).open(sealed, 'signing-key/bluezone_vn/v1')).toThrow(/does not open/);
    expect(() => box.open(sealed, 'signing-key/bluezone_vn/v2')).toThrow(/does not open/);
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[2]!, 'base64url');
    flipped[0]! ^= 1;
    expect(() => box.open([parts[0], parts[1], flipped.toString('base64url'), parts[3]].join('.'), 'signing-key/bluezone_vn/v1')).toThrow(/does not open/);
    expect(() => box.open('garbage', 'x')).toThrow(/not a sealed value/);
    expect(() => new SealedBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});
