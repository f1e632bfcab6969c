import { addDays, type NextStep, type Symptom } from '@bluezone/contract';
import type { AreaRecord } from '../epidemic-areas/epidemic-areas.model.js';
import { placeMatches, placeSearchText, unitsOverlap } from '../epidemic-areas/epidemic-areas.model.js';
import { judge, type RuleVerdict, type ScreeningFacts, type SuspectedCaseRule } from './screening.rule.js';

/** What screening reads of a declaration: the answers, and the day they are judged from. */
export interface ScreeningInput {
  /** The day the declaration speaks from: the day it was made, or an entry's arrival day when later. */
  referenceDay: string;
  symptoms: readonly Symptom[];
  checkSymptoms: readonly { day: string; symptoms: readonly Symptom[] }[];
  contacts: { confirmedOrSuspectedCase: boolean; fromEpidemicArea: boolean; feverOrCough: boolean };
  warnedByApp: boolean | null;
  visits: readonly { unitCode: string | null; place: string | null; from: string; to: string }[];
  /** An entry's place of departure counts as visited on the arrival day. */
  departure: { place: string; day: string } | null;
}

export interface Screening extends RuleVerdict {
  rule: string;
  monitoringUntil: string | null;
  nextSteps: NextStep[];
}

export interface AreaSource {
  inForceBetween(from: string, to: string): Promise<AreaRecord[]>;
}

export interface PlaceLineage {
  lineage(code: string): Promise<string[] | undefined>;
}

const max = (a: string, b: string) => (a > b ? a : b);
const min = (a: string, b: string) => (a < b ? a : b);

/** Judges declarations by the suspected-case rule and the list of epidemic areas. */
export class ScreeningService {
  constructor(
    readonly rule: SuspectedCaseRule,
    private readonly areas: AreaSource,
    private readonly places: PlaceLineage,
  ) {}

  async assess(input: ScreeningInput): Promise<Screening> {
    const facts = await this.facts(input);
    const verdict = judge(this.rule, facts);
    const lastDayInArea = facts.areaMatches.reduce<string | null>((last, m) => (last === null ? m.to : max(last, m.to)), null);
    return {
      ...verdict,
      rule: this.rule.id,
      monitoringUntil: verdict.arrivalFromEpidemicArea && lastDayInArea !== null ? addDays(lastDayInArea, this.rule.monitoringDays) : null,
      nextSteps: nextSteps(verdict),
    };
  }

  /** The facts the rule judges: answers as given, and the epidemic areas the places visited overlapped. */
  async facts(input: ScreeningInput): Promise<ScreeningFacts> {
    const windowStart = addDays(input.referenceDay, -this.rule.windowDays);
    const areas = await this.areas.inForceBetween(windowStart, input.referenceDay);
    const visits = [...input.visits, ...(input.departure ? [{ unitCode: null, place: input.departure.place, from: input.departure.day, to: input.departure.day }] : [])];
    const lineages = new Map<string, Promise<string[]>>();
    const lineage = (code: string) => {
      let found = lineages.get(code);
      if (!found) lineages.set(code, (found = this.places.lineage(code).then((l) => l ?? [code])));
      return found;
    };
    const matches = new Map<number, { areaId: number; areaName: string; from: string; to: string }>();
    for (const visit of visits) {
      for (const area of areas) {
        const from = max(max(visit.from, area.from), windowStart);
        const to = min(min(visit.to, area.to ?? visit.to), input.referenceDay);
        if (from > to) continue;
        const samePlace =
          visit.unitCode !== null && area.unitCode !== null
            ? unitsOverlap(await lineage(visit.unitCode), await lineage(area.unitCode))
            : visit.place !== null && area.placeSearch !== null && placeMatches(area.placeSearch, placeSearchText(visit.place));
        if (!samePlace) continue;
        const known = matches.get(area.id);
        matches.set(area.id, known ? { ...known, from: min(known.from, from), to: max(known.to, to) } : { areaId: area.id, areaName: area.name, from, to });
      }
    }
    return {
      symptoms: input.symptoms,
      checkSymptoms: input.checkSymptoms,
      areaMatches: [...matches.values()],
      contactWithCase: input.contacts.confirmedOrSuspectedCase,
      contactWithArrival: input.contacts.fromEpidemicArea,
      contactWithFeverOrCough: input.contacts.feverOrCough,
      appExposureWarning: input.warnedByApp === true,
    };
  }
}

/** What the citizen is told to do, from what the rule found. */
export function nextSteps(verdict: RuleVerdict): NextStep[] {
  if (verdict.suspected) return ['stay_home', 'call_health_station_now', 'avoid_contact', 'wear_mask', 'show_receipt'];
  if (verdict.arrivalFromEpidemicArea) return ['stay_home', 'self_monitor', 'report_new_symptoms', 'wear_mask', 'show_receipt'];
  if (verdict.clinical) return ['wear_mask', 'avoid_contact', 'report_new_symptoms', 'show_receipt'];
  return ['show_receipt'];
}
