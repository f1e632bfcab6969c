import { describe, expect, it } from 'vitest';
import type { AreaRecord } from '../epidemic-areas/epidemic-areas.model.js';
import { placeSearchText } from '../epidemic-areas/epidemic-areas.model.js';
import { nextSteps, ScreeningService, type ScreeningInput } from './screening.service.js';
import { MOH_2020_SUSPECTED_CASE } from './suspected-case.rule.js';

// Đà Nẵng (48) and one of its wards (20194); Đồng Đăng (06184) in Lạng Sơn (20) with a village below it.
const LINEAGES: Record<string, string[]> = {
  '48': ['48'],
  '20194': ['20194', '48'],
  '20': ['20'],
  '06184': ['06184', '20'],
  'T-1': ['T-1', '06184', '20'],
  '05977': ['05977', '20'],
};

function area(id: number, fields: Partial<AreaRecord>): AreaRecord {
  const place = fields.place ?? null;
  return { id, name: `Vùng ${id}`, unitCode: null, place, placeSearch: place === null ? null : placeSearchText(place), from: '2026-11-01', to: null, reason: null, createdAt: '', updatedAt: '', ...fields };
}

function screening(areas: AreaRecord[]) {
  const source = { inForceBetween: async (from: string, to: string) => areas.filter((a) => a.from <= to && (a.to === null || a.to >= from)) };
  return new ScreeningService(MOH_2020_SUSPECTED_CASE, source, { lineage: async (code: string) => LINEAGES[code] });
}

function input(visits: ScreeningInput['visits'], extra: Partial<ScreeningInput> = {}): ScreeningInput {
  return {
    referenceDay: '2026-11-23',
    symptoms: [],
    checkSymptoms: [],
    contacts: { confirmedOrSuspectedCase: false, fromEpidemicArea: false, feverOrCough: false },
    warnedByApp: null,
    visits,
    departure: null,
    ...extra,
  };
}

const visit = (unitCode: string | null, from: string, to: string, place: string | null = null) => ({ unitCode, place, from, to });

describe('screening against epidemic areas', () => {
  it('finds a visit to a ward of an epidemic province, on the days they share', async () => {
    const found = await screening([area(1, { unitCode: '48', from: '2026-11-16' })]).assess(input([visit('20194', '2026-11-14', '2026-11-18')]));
    expect(found.arrivalFromEpidemicArea).toBe(true);
    expect(found.reasons).toEqual([{ code: 'epidemic_area', areaId: 1, areaName: 'Vùng 1', from: '2026-11-16', to: '2026-11-18' }]);
    // Monitored 14 days after the last day in the area.
    expect(found.monitoringUntil).toBe('2026-12-02');
  });

  it('finds a visit to a whole province when only one of its wards is an epidemic area: screening asks rather than misses', async () => {
    expect((await screening([area(1, { unitCode: '20194' })]).assess(input([visit('48', '2026-11-20', '2026-11-21')]))).arrivalFromEpidemicArea).toBe(true);
  });

  it('finds a visit to a village of an epidemic commune, and not one to the ward beside it', async () => {
    const s = screening([area(1, { unitCode: '06184' })]);
    expect((await s.assess(input([visit('T-1', '2026-11-20', '2026-11-20')]))).arrivalFromEpidemicArea).toBe(true);
    expect((await s.assess(input([visit('05977', '2026-11-20', '2026-11-20')]))).arrivalFromEpidemicArea).toBe(false);
  });

  it('ignores visits outside the area’s days, and visits that ended more than 14 days before', async () => {
    const s = screening([area(1, { unitCode: '48', from: '2026-11-10', to: '2026-11-12' }), area(2, { unitCode: '06184', from: '2026-10-01' })]);
    expect((await s.assess(input([visit('48', '2026-11-13', '2026-11-20')]))).arrivalFromEpidemicArea).toBe(false);
    expect((await s.assess(input([visit('48', '2026-11-12', '2026-11-20')]))).arrivalFromEpidemicArea).toBe(true);
    // The window is the 14 days before the declaration: a visit that ended on 8 November is out, one on the 9th in.
    expect((await s.assess(input([visit('06184', '2026-11-01', '2026-11-08')]))).arrivalFromEpidemicArea).toBe(false);
    expect((await s.assess(input([visit('06184', '2026-11-01', '2026-11-09')]))).monitoringUntil).toBe('2026-11-23');
  });

  it('matches a place abroad by its name, with or without diacritics, in either direction, but not a similar name', async () => {
    const s = screening([area(1, { place: 'Quảng Tây' })]);
    expect((await s.assess(input([visit(null, '2026-11-20', '2026-11-21', 'Nam Ninh, Quảng Tây, Trung Quốc')]))).arrivalFromEpidemicArea).toBe(true);
    expect((await s.assess(input([visit(null, '2026-11-20', '2026-11-21', 'quang tay')]))).arrivalFromEpidemicArea).toBe(true);
    expect((await s.assess(input([visit(null, '2026-11-20', '2026-11-21', 'Quảng Ninh')]))).arrivalFromEpidemicArea).toBe(false);
    expect((await s.assess(input([visit(null, '2026-11-20', '2026-11-21', 'Tây Ninh')]))).arrivalFromEpidemicArea).toBe(false);
    const wide = screening([area(2, { place: 'Bằng Tường, Quảng Tây, Trung Quốc' })]);
    expect((await wide.assess(input([visit(null, '2026-11-20', '2026-11-21', 'Trung Quốc')]))).arrivalFromEpidemicArea).toBe(true);
  });

  it('counts an entry’s place of departure as visited on its arrival day', async () => {
    const s = screening([area(1, { place: 'Bằng Tường', from: '2026-11-20' })]);
    const found = await s.assess(input([], { departure: { place: 'Bằng Tường, Quảng Tây', day: '2026-11-22' } }));
    expect(found.reasons).toEqual([{ code: 'epidemic_area', areaId: 1, areaName: 'Vùng 1', from: '2026-11-22', to: '2026-11-22' }]);
  });

  it('joins the days of several visits to one area into one reason', async () => {
    const s = screening([area(1, { unitCode: '48' })]);
    const found = await s.assess(input([visit('20194', '2026-11-12', '2026-11-13'), visit('48', '2026-11-18', '2026-11-19')]));
    expect(found.reasons).toEqual([{ code: 'epidemic_area', areaId: 1, areaName: 'Vùng 1', from: '2026-11-12', to: '2026-11-19' }]);
  });

  it('tells the citizen what to do from what it found', async () => {
    const s = screening([area(1, { unitCode: '48' })]);
    expect((await s.assess(input([visit('48', '2026-11-20', '2026-11-20')], { symptoms: ['fever'] }))).nextSteps).toContain('call_health_station_now');
    expect((await s.assess(input([visit('48', '2026-11-20', '2026-11-20')]))).nextSteps).toEqual(['stay_home', 'self_monitor', 'report_new_symptoms', 'wear_mask', 'show_receipt']);
    expect(nextSteps({ suspected: false, arrivalFromEpidemicArea: false, reasons: [], clinical: true })).toContain('wear_mask');
    expect((await s.assess(input([])))).toMatchObject({ suspected: false, arrivalFromEpidemicArea: false, nextSteps: ['show_receipt'], monitoringUntil: null, rule: 'moh-3468-2020' });
  });
});
