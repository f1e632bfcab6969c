import { describe, expect, it } from 'vitest';
import { pooledRandom } from './platform.js';

describe('pooled randomness', () => {
  it('gives each call bytes of its own, across pools and for large requests', () => {
    const random = pooledRandom(64);
    const pieces = [5, 16, 1, 16, 16, 12, 7, 16, 33, 200, 3].map((n) => random.bytes(n));
    expect(pieces.map((p) => p.length)).toEqual([5, 16, 1, 16, 16, 12, 7, 16, 33, 200, 3]);
    // 16 random bytes repeating would mean a part of the pool was handed out twice.
    const sixteens = pieces.filter((p) => p.length === 16).map((p) => p.toString('hex'));
    expect(new Set(sixteens).size).toBe(sixteens.length);
    expect(pieces.some((p) => p.some((b) => b !== 0))).toBe(true);
  });

  it('hands out copies: changing one piece changes no other', () => {
    const random = pooledRandom(64);
    const a = random.bytes(8);
    const b = random.bytes(8);
    const before = Buffer.from(b);
    a.fill(0xff);
    expect(b).toEqual(before);
  });

  it('draws uniformly enough that no byte value is missing from 64 kB', () => {
    const random = pooledRandom();
    const seen = new Set<number>();
    for (let i = 0; i < 4096; i++) for (const byte of random.bytes(16)) seen.add(byte);
    expect(seen.size).toBe(256);
  });
});
