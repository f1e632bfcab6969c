import { describe, expect, it } from 'vitest';
import { addDays, isCalendarDay, vnDay, vnDayEnd, vnDayStart, vnDaysEndingAt } from './dates.js';

describe('Vietnamese calendar days', () => {
  it('put an instant on the day it is in Hà Nội, not in UTC', () => {
    // 17:30 UTC on 9 August is 00:30 on 10 August in Vietnam.
    expect(vnDay(new Date('2020-08-09T17:30:00Z'))).toBe('2020-08-10');
    expect(vnDay(new Date('2020-08-09T16:59:59.999Z'))).toBe('2020-08-09');
  });

  it('end a deadline day at 23:59:59.999 Vietnam time', () => {
    expect(vnDayEnd('2020-08-10').toISOString()).toBe('2020-08-10T16:59:59.999Z');
    expect(vnDayStart('2020-08-10').toISOString()).toBe('2020-08-09T17:00:00.000Z');
  });

  it('count days across month and year ends', () => {
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    // 18:00 UTC on 1 January is already 2 January in Vietnam.
    expect(vnDaysEndingAt(new Date('2026-01-01T18:00:00Z'), 3)).toEqual(['2025-12-31', '2026-01-01', '2026-01-02']);
  });

  it('accept only days that exist', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-13-01')).toBe(false);
    expect(isCalendarDay('2026-1-01')).toBe(false);
  });
});
