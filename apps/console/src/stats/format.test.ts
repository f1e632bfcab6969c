import { describe, expect, it } from 'vitest';
import { exportFileUrl, formatBytes, formatCount, isHiddenCount } from './format.js';

// Intl separates with U+00A0 or U+202F in some locales; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatCount', () => {
  it('keeps the server mark for a hidden count as it came', () => {
    expect(formatCount('<10', 'vi')).toBe('<10');
    expect(formatCount('<10', 'en')).toBe('<10');
    expect(isHiddenCount('<10')).toBe(true);
    expect(isHiddenCount(10)).toBe(false);
  });

  it('writes a shown count with the reader’s grouping', () => {
    expect(formatCount(10, 'vi')).toBe('10');
    expect(formatCount(12345, 'vi')).toBe('12.345');
    expect(formatCount(12345, 'en')).toBe('12,345');
    expect(formatCount(12345, 'fr')).toBe('12.345');
  });
});

describe('formatBytes', () => {
  it('writes bytes under a kilobyte whole', () => {
    expect(formatBytes(0, 'en')).toBe('0 B');
    expect(formatBytes(999, 'en')).toBe('999 B');
  });

  it('uses decimal kB and MB with one decimal, in the reader’s notation', () => {
    expect(formatBytes(1000, 'en')).toBe('1 kB');
    expect(formatBytes(1536, 'en')).toBe('1.5 kB');
    expect(formatBytes(1536, 'vi')).toBe('1,5 kB');
    expect(formatBytes(18_200_000, 'en')).toBe('18.2 MB');
    expect(formatBytes(18_200_000, 'vi')).toBe('18,2 MB');
    expect(plain(formatBytes(2_500_000_000, 'en'))).toBe('2.5 GB');
  });

  it('steps up a unit instead of rounding to 1000', () => {
    expect(formatBytes(999_960, 'en')).toBe('1 MB');
    expect(formatBytes(999_940, 'en')).toBe('999.9 kB');
  });
});

describe('exportFileUrl', () => {
  it('is the path under /exports/ that index.txt lists, each segment escaped', () => {
    expect(exportFileUrl('VN/1700000000-1700003600-00001.zip')).toBe('/exports/VN/1700000000-1700003600-00001.zip');
    expect(exportFileUrl('a b/c#d.zip')).toBe('/exports/a%20b/c%23d.zip');
  });
});
