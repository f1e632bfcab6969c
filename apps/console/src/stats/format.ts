import type { SmallCount } from '@bluezone/contract';
import { intlLocale as tagFor } from '../components/format.js';

/** The server's mark for a count it hides: every count under 10, zero included. */
export const HIDDEN_COUNT = '<10';

export function isHiddenCount(count: SmallCount): count is typeof HIDDEN_COUNT {
  return count === HIDDEN_COUNT;
}

/** A count as the reader writes numbers (`1.234` in Vietnamese, `1,234` in English); a hidden one stays `<10`. */
export function formatCount(count: SmallCount | number, locale: string): string {
  if (typeof count !== 'number') return HIDDEN_COUNT;
  return new Intl.NumberFormat(tagFor(locale)).format(count);
}

const BYTE_UNITS = ['B', 'kB', 'MB', 'GB'] as const;

/** Decimal units (1 kB = 1000 B), as the server's figures are written; one decimal from kB up. */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  // 999,96 kB rounds to "1.000 kB": step up a unit rather than show four digits.
  if (unit > 0 && unit < BYTE_UNITS.length - 1 && Math.round(value * 10) / 10 >= 1000) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  const number = new Intl.NumberFormat(tagFor(locale), { maximumFractionDigits: digits }).format(value);
  return `${number} ${BYTE_UNITS[unit]}`;
}

/** Where the server serves an export file: `name` is its path under /exports/, as index.txt lists it. */
export function exportFileUrl(name: string): string {
  return `/exports/${name.split('/').map(encodeURIComponent).join('/')}`;
}

