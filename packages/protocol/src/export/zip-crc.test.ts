import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipCrc32, zipDeclaredCrcs } from './zip-crc.js';

describe('zipCrc32', () => {
  it('gives the CRC-32 check value of "123456789" (0xCBF43926)', () => {
    expect(zipCrc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(zipCrc32(new Uint8Array(0))).toBe(0);
  });
});

describe('zipDeclaredCrcs', () => {
  it('reads the CRCs fflate wrote, for every entry', () => {
    const a = new TextEncoder().encode('hello');
    const b = new Uint8Array(1000).fill(7);
    const crcs = zipDeclaredCrcs(zipSync({ a, 'dir/b': b }));
    expect(crcs).toEqual(new Map([['a', zipCrc32(a)], ['dir/b', zipCrc32(b)]]));
  });

  it('gives up on a zip without an end record', () => {
    expect(zipDeclaredCrcs(new Uint8Array(30))).toBeUndefined();
    expect(zipDeclaredCrcs(new Uint8Array(3))).toBeUndefined();
  });
});
