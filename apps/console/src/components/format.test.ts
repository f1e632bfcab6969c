import { describe, expect, it } from 'vitest';
import { describeDetail, formatDateTime, formatDay, formatPeriod, parseDay, vietnamDay } from './format.js';

// Intl separates with U+00A0 or U+202F in some locales; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('describeDetail', () => {
  it('writes a flat record as name: value pairs, nested values as JSON', () => {
    expect(describeDetail({ username: 'hoa', role: 'unit_officer', changes: { disabled: true } })).toBe(
      'username: hoa; role: unit_officer; changes: {"disabled":true}',
    );
  });

  it('is empty for no detail', () => {
    expect(describeDetail(null)).toBe('');
    expect(describeDetail({})).toBe('');
  });
});

describe('formatDateTime', () => {
  it('writes Vietnamese as dd/mm/yyyy and a 24-hour clock, in Vietnam time', () => {
    expect(plain(formatDateTime('2026-11-23T09:20:10.000Z', 'vi'))).toBe('23/11/2026 16:20');
    // 17:30 UTC is already half past midnight of the next day in Hà Nội.
    expect(plain(formatDateTime('2020-08-09T17:30:00Z', 'vi'))).toBe('10/08/2020 00:30');
  });

  it('writes English naturally, in Vietnam time too', () => {
    expect(plain(formatDateTime('2026-11-23T09:20:10.000Z', 'en'))).toBe('23 Nov 2026, 16:20');
    expect(plain(formatDateTime('2020-08-09T17:30:00Z', 'en'))).toBe('10 Aug 2020, 00:30');
  });

  it('falls back to Vietnamese for an unknown language and leaves a bad timestamp as it came', () => {
    expect(formatDateTime('2026-11-23T09:20:10.000Z', 'fr')).toBe(formatDateTime('2026-11-23T09:20:10.000Z', 'vi'));
    expect(formatDateTime('not a date', 'vi')).toBe('not a date');
  });
});

describe('formatDay', () => {
  it('writes a calendar day without moving it into a zone', () => {
    expect(formatDay('2026-11-23', 'vi')).toBe('23/11/2026');
    expect(formatDay('2026-11-23', 'en')).toBe('23 Nov 2026');
    expect(formatDay('2026-01-01', 'vi')).toBe('01/01/2026');
  });

  it('leaves a malformed day as it came', () => {
    expect(formatDay('someday', 'vi')).toBe('someday');
  });
});

describe('vietnamDay', () => {
  it('is the day in Hà Nội, not in UTC', () => {
    expect(vietnamDay(new Date('2020-08-09T16:59:59.999Z'))).toBe('2020-08-09');
    expect(vietnamDay(new Date('2020-08-09T17:00:00Z'))).toBe('2020-08-10');
  });
});

describe('formatPeriod', () => {
  // 2023-11-14 22:13:20Z to 23:13:20Z: 05:13 to 06:13 on 15 November in Hà Nội.
  const start = 1_700_000_000;
  const end = 1_700_003_600;

  it('writes the date once when both ends share a Vietnamese day', () => {
    expect(plain(formatPeriod(start, end, 'vi'))).toBe('15/11/2023 05:13–06:13');
    expect(plain(formatPeriod(start, end, 'en'))).toBe('15 Nov 2023, 05:13–06:13');
  });

  it('writes both dates when the period crosses midnight in Vietnam', () => {
    // 16:00Z to 18:00Z on 14 November: 23:00 on the 14th to 01:00 on the 15th in Hà Nội.
    const evening = Date.UTC(2023, 10, 14, 16) / 1000;
    expect(plain(formatPeriod(evening, evening + 7200, 'vi'))).toBe('14/11/2023 23:00 – 15/11/2023 01:00');
  });

  it('falls back to the raw seconds for a period that cannot be', () => {
    expect(formatPeriod(end, start, 'vi')).toBe(`${end}–${start}`);
  });
});

describe('parseDay', () => {
  it('reads a day written day first, with any usual separator or none', () => {
    expect(parseDay('23/11/2026')).toBe('2026-11-23');
    expect(parseDay(' 2/3/2026 ')).toBe('2026-03-02');
    expect(parseDay('23-11-2026')).toBe('2026-11-23');
    expect(parseDay('23.11.2026')).toBe('2026-11-23');
    expect(parseDay('23112026')).toBe('2026-11-23');
  });

  it('is empty for an empty box and null for a day that does not exist or is not a day', () => {
    expect(parseDay('  ')).toBe('');
    expect(parseDay('29/02/2026')).toBeNull();
    expect(parseDay('29/02/2024')).toBe('2024-02-29');
    expect(parseDay('11/23/2026')).toBeNull();
    expect(parseDay('2026-11-23')).toBeNull();
    expect(parseDay('hôm qua')).toBeNull();
  });
});
