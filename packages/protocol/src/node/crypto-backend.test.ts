import { createCipheriv, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../errors.js';
import { toHex } from '../hex.js';
import {
  type CryptoBackend,
  deriveRollingProximityIdentifierKey,
  deriveRollingProximityIdentifiers,
  pureCryptoBackend,
} from '../identifiers/index.js';
import { nodeCryptoBackend } from './crypto-backend.js';

// Conformance of the Node backend with the pure one. Both also pass the official EN vectors in
// identifiers/identifiers.test.ts; here they must agree byte for byte on random inputs of every shape.
const backends: CryptoBackend[] = [pureCryptoBackend, nodeCryptoBackend];
const random = pureCryptoBackend.randomBytes;
const pure = pureCryptoBackend;
const node = nodeCryptoBackend;

describe('node and pure backends agree on random inputs', () => {
  it('hkdf, ecb, ctr and hmac', () => {
    for (let i = 0; i < 60; i++) {
      const key = random(16);
      const ikm = random(1 + (i % 40));
      const salt = i % 3 === 0 ? undefined : random(i % 70);
      const info = random(i % 20);
      // Lengths past 32 take the multi-block expand path.
      const length = 1 + ((i * 37) % 100);
      const blocks = random(16 * (1 + (i % 10)));
      const iv = random(16);
      // Start near a counter wrap now and then, where CTR implementations differ if one is wrong.
      if (i % 5 === 0) iv.fill(0xff, 8);
      const data = random(i * 3);
      expect(toHex(node.hkdfSha256(ikm, salt, info, length))).toBe(toHex(pure.hkdfSha256(ikm, salt, info, length)));
      expect(toHex(node.aes128EcbEncrypt(key, blocks))).toBe(toHex(pure.aes128EcbEncrypt(key, blocks)));
      expect(toHex(node.aes128Ctr(key, iv, data))).toBe(toHex(pure.aes128Ctr(key, iv, data)));
      expect(toHex(node.hmacSha256(ikm, data))).toBe(toHex(pure.hmacSha256(ikm, data)));
    }
  });

  it('HKDF as two HMACs equals OpenSSL HKDF (crypto.hkdfSync)', () => {
    for (let i = 0; i < 20; i++) {
      const ikm = random(16);
      const info = random(7);
      const length = i === 0 ? 255 * 32 : 1 + i * 13;
      const expected = new Uint8Array(hkdfSync('sha256', ikm, new Uint8Array(0), info, length));
      expect(toHex(node.hkdfSha256(ikm, undefined, info, length))).toBe(toHex(expected));
    }
  });

  it('CTR continues the counter across a 64-bit boundary as OpenSSL does', () => {
    const key = random(16);
    const iv = new Uint8Array(16).fill(0xff);
    const data = random(64);
    const cipher = createCipheriv('aes-128-ctr', key, iv);
    const expected = toHex(Buffer.concat([cipher.update(data), cipher.final()]));
    expect(toHex(pure.aes128Ctr(key, iv, data))).toBe(expected);
    expect(toHex(node.aes128Ctr(key, iv, data))).toBe(expected);
  });

  it('identifiers of random keys and intervals', () => {
    for (let i = 0; i < 20; i++) {
      const key = random(16);
      const start = Math.floor(Math.random() * 2 ** 31);
      const [fromPure, fromNode] = backends.map((b) =>
        toHex(deriveRollingProximityIdentifiers(deriveRollingProximityIdentifierKey(key, b), start, 144, b)),
      );
      expect(fromNode).toBe(fromPure);
    }
  });

  it('return plain Uint8Arrays and leave inputs unchanged', () => {
    const key = random(16);
    const blocks = random(32);
    const copy = Uint8Array.from(blocks);
    for (const b of backends) {
      const out = b.aes128EcbEncrypt(key, blocks);
      expect(Object.getPrototypeOf(out)).toBe(Uint8Array.prototype);
      expect(blocks).toEqual(copy);
    }
  });

  it('reject bad inputs the same way', () => {
    for (const b of backends) {
      expect(() => b.aes128EcbEncrypt(new Uint8Array(16), new Uint8Array(15))).toThrow(ProtocolError);
      expect(() => b.aes128EcbEncrypt(new Uint8Array(24), new Uint8Array(16))).toThrow(ProtocolError);
      expect(() => b.aes128Ctr(new Uint8Array(15), new Uint8Array(16), new Uint8Array(4))).toThrow(ProtocolError);
      expect(() => b.aes128Ctr(new Uint8Array(16), new Uint8Array(12), new Uint8Array(4))).toThrow(ProtocolError);
      expect(() => b.hkdfSha256(new Uint8Array(16), undefined, new Uint8Array(0), 0)).toThrow(ProtocolError);
      expect(() => b.hkdfSha256(new Uint8Array(16), undefined, new Uint8Array(0), 255 * 32 + 1)).toThrow(
        ProtocolError,
      );
      expect(() => b.hmacSha256('key' as unknown as Uint8Array, new Uint8Array(1))).toThrow(ProtocolError);
      expect(b.randomBytes(16)).toHaveLength(16);
      expect(toHex(b.randomBytes(16))).not.toBe(toHex(b.randomBytes(16)));
    }
  });
});
