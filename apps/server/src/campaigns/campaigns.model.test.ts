import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { applies, checkReport, type RecipientKind, defaultIndicators, normaliseInput, percentOf, resolveIndicators } from './campaigns.model.js';
import { documentDate, formatCount, formatPercent } from './official-report.text.js';

const ward = { kind: 'unit' as const, level: 'ward', group: null };
const province = { kind: 'unit' as const, level: 'province', group: null };
const cultureCentre = { kind: 'agency' as const, level: null, group: 'trung tâm văn hóa' };
const union = { kind: 'agency' as const, level: null, group: 'đoàn thể' };

const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof AppError ? [error.code, error.fields] : error;
  }
  return undefined;
};

describe('the directive form', () => {
  it('limits radio to wards and communes, news and loudspeakers to culture centres too, and the rest to nobody', () => {
    const [radio, news, loudspeaker, collaborators, other] = defaultIndicators();
    expect([ward, province, cultureCentre, union].map((r) => applies(radio!, r))).toEqual([true, false, false, false]);
    expect([ward, province, cultureCentre, union].map((r) => applies(news!, r))).toEqual([true, false, true, false]);
    expect(applies(loudspeaker!, cultureCentre)).toBe(true);
    expect([ward, province, cultureCentre, union].every((r) => applies(collaborators!, r) && applies(other!, r))).toBe(true);
  });

  it('fills in an adjusted form and refuses an indicator given twice', () => {
    expect(resolveIndicators([{ key: 'news', target: 10 }])).toEqual([{ key: 'news', label: { vi: 'Tin, bài', en: 'News items and articles' }, appliesTo: null, target: 10, note: null }]);
    expect(codeOf(() => resolveIndicators([{ key: 'news' }, { key: 'news' }]))).toEqual(['validation_failed', [{ field: 'indicators.1.key', problem: 'taken' }]]);
  });
});

describe('a report', () => {
  const form = resolveIndicators([{ key: 'radio', appliesTo: { levels: ['ward'], agencyGroups: [] } }, { key: 'news', target: 20 }]);
  const check = (recipient: RecipientKind, input: Parameters<typeof normaliseInput>[0]) => checkReport(form, recipient, normaliseInput(input));

  it('refuses more installs than staff, indicators off the form or not for this recipient, and a % where a target computes it', () => {
    expect(codeOf(() => check(ward, { staffTotal: 5, staffInstalled: 6 }))).toEqual(['installed_exceeds_staff', [{ field: 'staffInstalled', problem: 'too_big', limit: 5 }]]);
    expect(codeOf(() => check(ward, { indicators: { loudspeaker: { quantity: 1 } } }))).toEqual(['unknown_indicator', [{ field: 'indicators.loudspeaker', problem: 'invalid_value' }]]);
    expect(codeOf(() => check(union, { indicators: { radio: { quantity: 1 } } }))).toEqual(['unknown_indicator', [{ field: 'indicators.radio', problem: 'invalid_value' }]]);
    expect(codeOf(() => check(ward, { indicators: { news: { quantity: 1, percent: 5 } } }))).toEqual(['validation_failed', [{ field: 'indicators.news.percent', problem: 'invalid_value' }]]);
    expect(check(ward, { staffTotal: 5, staffInstalled: 5, indicators: { radio: { quantity: 3, percent: 60 } } }).values).toEqual([{ indicator: 'radio', quantity: 3, percent: 60, note: null }]);
  });
});

describe('figures', () => {
  it('are ratios of sums with two decimals, never averages, and none without a denominator', () => {
    // 30 of 40 (75%) and 24 of 25 (96%) are 54 of 65: 83.08%, not the 85.5% an average would give.
    expect(percentOf(30 + 24, 40 + 25)).toBe(83.08);
    expect(percentOf(0, 0)).toBeNull();
  });

  it('read as Vietnamese writes them, and dates as Decree 30 does', () => {
    expect(formatCount(1234567)).toBe('1.234.567');
    expect(formatPercent(79.98)).toBe('79,98%');
    expect(documentDate('2020-08-05')).toBe('ngày 05 tháng 8 năm 2020');
    expect(documentDate('2026-02-14')).toBe('ngày 14 tháng 02 năm 2026');
    expect(documentDate('2026-11-26')).toBe('ngày 26 tháng 11 năm 2026');
  });
});
