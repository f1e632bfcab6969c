import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Symptom } from '@bluezone/contract';
import { describe, expect, it } from 'vitest';
import { EnvReader } from '../platform/env-reader.js';
import { readScreeningConfig } from './screening.config.js';
import { judge, suspectedCaseRuleSchema, type ScreeningFacts, type SuspectedCaseRule } from './screening.rule.js';
import { MOH_2020_SUSPECTED_CASE } from './suspected-case.rule.js';

const AREA = { areaId: 7, areaName: 'Đà Nẵng', from: '2026-11-15', to: '2026-11-18' };

function facts(symptoms: Symptom[], factors: { area?: boolean; caseContact?: boolean; arrivalContact?: boolean; feverContact?: boolean; app?: boolean; checks?: ScreeningFacts['checkSymptoms'] } = {}): ScreeningFacts {
  return {
    symptoms,
    checkSymptoms: factors.checks ?? [],
    areaMatches: factors.area ? [AREA] : [],
    contactWithCase: factors.caseContact ?? false,
    contactWithArrival: factors.arrivalContact ?? false,
    contactWithFeverOrCough: factors.feverContact ?? false,
    appExposureWarning: factors.app ?? false,
  };
}

/**
 * The Ministry of Health's 2020 definition, case by case: symptoms of acute respiratory infection (fever, cough, sore
 * throat, shortness of breath) AND an epidemiological factor (an epidemic area within 14 days, close contact with a
 * confirmed or suspected case, or the app's close-contact warning).
 */
const CASES: { name: string; facts: ScreeningFacts; suspected: boolean; arrival: boolean }[] = [
  { name: 'fever and a visit to an epidemic area', facts: facts(['fever'], { area: true }), suspected: true, arrival: true },
  { name: 'cough and contact with a case', facts: facts(['cough'], { caseContact: true }), suspected: true, arrival: false },
  { name: 'sore throat and the app warning', facts: facts(['sore_throat'], { app: true }), suspected: true, arrival: false },
  { name: 'shortness of breath and an epidemic area', facts: facts(['shortness_of_breath'], { area: true }), suspected: true, arrival: true },
  { name: 'fever alone', facts: facts(['fever']), suspected: false, arrival: false },
  { name: 'an epidemic area alone', facts: facts([], { area: true }), suspected: false, arrival: true },
  { name: 'contact with a case, no symptom', facts: facts([], { caseContact: true }), suspected: false, arrival: false },
  { name: 'the app warning, no symptom', facts: facts([], { app: true }), suspected: false, arrival: false },
  { name: 'fatigue and an epidemic area (fatigue is not in the 2020 definition)', facts: facts(['fatigue'], { area: true }), suspected: false, arrival: true },
  { name: 'loss of taste or smell and contact with a case (added only in 2021)', facts: facts(['loss_of_taste_or_smell'], { caseContact: true }), suspected: false, arrival: false },
  { name: 'another symptom and an epidemic area', facts: facts(['other'], { area: true }), suspected: false, arrival: true },
  { name: 'fever and contact with someone back from an epidemic area (not a factor in 2020)', facts: facts(['fever'], { arrivalContact: true }), suspected: false, arrival: false },
  { name: 'cough and contact with someone with fever or cough (not a factor in 2020)', facts: facts(['cough'], { feverContact: true }), suspected: false, arrival: false },
  { name: 'an arrival whose daily check found fever', facts: facts([], { area: true, checks: [{ day: '2026-11-25', symptoms: ['fever'] }] }), suspected: true, arrival: true },
  { name: 'an arrival whose daily check found only fatigue', facts: facts([], { area: true, checks: [{ day: '2026-11-25', symptoms: ['fatigue'] }] }), suspected: false, arrival: true },
];

describe('the 2020 suspected-case rule', () => {
  for (const c of CASES) {
    it(`${c.suspected ? 'suspects' : 'does not suspect'} ${c.name}${c.arrival ? ', an arrival' : ''}`, () => {
      const verdict = judge(MOH_2020_SUSPECTED_CASE, c.facts);
      expect({ suspected: verdict.suspected, arrival: verdict.arrivalFromEpidemicArea }).toEqual({ suspected: c.suspected, arrival: c.arrival });
    });
  }

  it('gives the symptoms and every factor that counted as reasons, the area once', () => {
    const verdict = judge(MOH_2020_SUSPECTED_CASE, facts(['fatigue', 'fever', 'cough'], { area: true, caseContact: true, arrivalContact: true }));
    expect(verdict.reasons).toEqual([{ code: 'symptoms', symptoms: ['fever', 'cough'] }, { code: 'epidemic_area', ...AREA }, { code: 'contact_with_case' }]);
  });

  it('gives an arrival its areas as reasons, and nothing for a declaration that flags nothing', () => {
    expect(judge(MOH_2020_SUSPECTED_CASE, facts(['fatigue'], { area: true })).reasons).toEqual([{ code: 'epidemic_area', ...AREA }]);
    expect(judge(MOH_2020_SUSPECTED_CASE, facts(['fever'])).reasons).toEqual([]);
    expect(judge(MOH_2020_SUSPECTED_CASE, facts(['fever'])).clinical).toBe(true);
  });

  it('names the daily check that made an arrival suspected', () => {
    const verdict = judge(MOH_2020_SUSPECTED_CASE, facts([], { area: true, checks: [{ day: '2026-11-25', symptoms: ['cough'] }] }));
    expect(verdict.reasons).toContainEqual({ code: 'monitoring_check', day: '2026-11-25' });
  });
});

describe('a province rule', () => {
  const rule: SuspectedCaseRule = {
    ...MOH_2020_SUSPECTED_CASE,
    id: 'province-2021',
    clinical: { symptoms: ['fever', 'cough', 'sore_throat', 'shortness_of_breath', 'fatigue', 'loss_of_taste_or_smell'], atLeast: 2 },
    epidemiological: { anyOf: ['epidemic_area', 'contact_with_case', 'contact_with_arrival'] },
  };

  it('changes who is suspected without a change of code', () => {
    expect(judge(rule, facts(['fever'], { area: true })).suspected).toBe(false);
    expect(judge(rule, facts(['fever', 'loss_of_taste_or_smell'], { area: true })).suspected).toBe(true);
    expect(judge(rule, facts(['fever', 'cough'], { arrivalContact: true })).suspected).toBe(true);
    expect(judge(rule, facts(['fever', 'cough'], { app: true })).suspected).toBe(false);
  });

  it('is checked: unknown symptoms or factors, more symptoms needed than listed, and unknown fields are refused', () => {
    expect(suspectedCaseRuleSchema.safeParse(rule).success).toBe(true);
    expect(suspectedCaseRuleSchema.safeParse({ ...rule, clinical: { symptoms: ['sneezing'], atLeast: 1 } }).success).toBe(false);
    expect(suspectedCaseRuleSchema.safeParse({ ...rule, epidemiological: { anyOf: ['rumour'] } }).success).toBe(false);
    expect(suspectedCaseRuleSchema.safeParse({ ...rule, clinical: { symptoms: ['fever'], atLeast: 2 } }).success).toBe(false);
    expect(suspectedCaseRuleSchema.safeParse({ ...rule, severity: 'high' }).success).toBe(false);
  });

  it('is read from the JSON file BLUEZONE_SUSPECTED_CASE_RULE names; a bad file is a configuration problem', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bluezone-rule-'));
    const good = path.join(dir, 'rule.json');
    writeFileSync(good, JSON.stringify(rule));
    expect(readScreeningConfig(new EnvReader({ BLUEZONE_SUSPECTED_CASE_RULE: good })).rule.id).toBe('province-2021');
    expect(readScreeningConfig(new EnvReader({})).rule).toBe(MOH_2020_SUSPECTED_CASE);

    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...rule, windowDays: 0 }));
    const env = new EnvReader({ BLUEZONE_SUSPECTED_CASE_RULE: bad });
    readScreeningConfig(env);
    expect(env.problems.join('\n')).toMatch(/windowDays/);

    const missing = new EnvReader({ BLUEZONE_SUSPECTED_CASE_RULE: path.join(dir, 'none.json') });
    readScreeningConfig(missing);
    expect(missing.problems.join('\n')).toMatch(/cannot read/);
  });
});
