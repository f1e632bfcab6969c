import { describe, expect, it } from 'vitest';
import { describeDetail, formatDateTime } from './format.js';

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
  const at = '2026-11-23T09:20:10.000Z';

  it('formats in the reader language', () => {
    expect(formatDateTime(at, 'vi')).not.toBe(formatDateTime(at, 'en'));
    expect(formatDateTime(at, 'en')).toMatch(/2026/);
  });

  it('falls back to Vietnamese for an unknown language and leaves a bad timestamp as it came', () => {
    expect(formatDateTime(at, 'fr')).toBe(formatDateTime(at, 'vi'));
    expect(formatDateTime('not a date', 'vi')).toBe('not a date');
  });
});
