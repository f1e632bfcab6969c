import { describe, expect, it } from 'vitest';
import { exportFileUrl, formatBytes, formatCount, formatDay, formatPeriod, isHiddenCount } from './format.js';

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

describe('formatDay', () => {
  it('shows the server’s UTC day whatever the reader’s zone', () => {
    expect(formatDay('2026-11-23', 'en')).toMatch(/23 Nov 2026/);
    expect(formatDay('2026-11-23', 'vi')).toMatch(/23/);
    expect(formatDay('2026-11-23', 'vi')).toMatch(/2026/);
  });

  it('leaves a malformed day as it came', () => {
    expect(formatDay('someday', 'vi')).toBe('someday');
  });
});

describe('formatPeriod', () => {
  // 2023-11-14 22:13:20Z to 23:13:20Z: 05:13 to 06:13 on 15 November in Hanoi.
  const start = 1_700_000_000;
  const end = 1_700_003_600;

  it('writes both ends in the given zone, the date once when they share a day', () => {
    const text = plain(formatPeriod(start, end, 'en', 'Asia/Ho_Chi_Minh'));
    expect(text).toMatch(/15\/11\/2023/);
    expect(text).toMatch(/05:13/);
    expect(text).toMatch(/06:13/);
    expect(text.match(/2023/g)).toHaveLength(1);
  });

  it('writes both dates when the period crosses midnight', () => {
    const text = plain(formatPeriod(start, end, 'en', 'UTC'));
    expect(text).toMatch(/14\/11\/2023.*22:13/);
    expect(text).toMatch(/23:13/);
    expect(plain(formatPeriod(start, start + 7200, 'en', 'UTC'))).toMatch(/14\/11\/2023.*15\/11\/2023/);
  });

  it('falls back to the raw seconds for a period that cannot be', () => {
    expect(formatPeriod(end, start, 'vi')).toBe(`${end}–${start}`);
  });
});

describe('exportFileUrl', () => {
  it('is the path under /exports/ that index.txt lists, each segment escaped', () => {
    expect(exportFileUrl('VN/1700000000-1700003600-00001.zip')).toBe('/exports/VN/1700000000-1700003600-00001.zip');
    expect(exportFileUrl('a b/c#d.zip')).toBe('/exports/a%20b/c%23d.zip');
  });
});
