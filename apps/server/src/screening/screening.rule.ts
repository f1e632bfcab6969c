import { symptomSchema, type AssessmentReason, type Symptom } from '@bluezone/contract';
import { z } from 'zod';

/**
 * The suspected-case rule as data: which symptoms make the clinical criterion and how many of them are needed, which
 * epidemiological factors count, how far back places visited count, and how long an arrival is monitored. A province
 * changes it with a JSON file of this shape (checked at start; a bad file stops the server with the reason).
 */
export const EPIDEMIOLOGICAL_FACTORS = ['epidemic_area', 'contact_with_case', 'contact_with_arrival', 'contact_with_fever_or_cough', 'app_exposure_warning'] as const;
export type EpidemiologicalFactor = (typeof EPIDEMIOLOGICAL_FACTORS)[number];

export const suspectedCaseRuleSchema = z
  .object({
    /** Short id stored with each assessment, so a later reader knows which rule judged it. */
    id: z.string().regex(/^[a-z0-9._-]{1,64}$/, 'lower-case letters, digits, ".", "-", "_"'),
    /** The text the rule follows (document, number, date). */
    source: z.string().min(1).max(1000),
    windowDays: z.number().int().min(1).max(60),
    clinical: z
      .object({
        symptoms: z.array(symptomSchema).min(1),
        atLeast: z.number().int().min(1).max(10),
      })
      .strict(),
    epidemiological: z.object({ anyOf: z.array(z.enum(EPIDEMIOLOGICAL_FACTORS)).min(1) }).strict(),
    monitoringDays: z.number().int().min(1).max(60),
  })
  .strict()
  .refine((rule) => rule.clinical.atLeast <= new Set(rule.clinical.symptoms).size, { message: 'clinical.atLeast is more than the symptoms listed', path: ['clinical', 'atLeast'] });
export type SuspectedCaseRule = z.infer<typeof suspectedCaseRuleSchema>;

/** What screening found about one declarant, before the rule judges it. */
export interface ScreeningFacts {
  symptoms: readonly Symptom[];
  /** Symptoms found by daily monitoring checks, by day. */
  checkSymptoms: readonly { day: string; symptoms: readonly Symptom[] }[];
  /** Epidemic areas a place visited overlapped, with the days of the overlap. */
  areaMatches: readonly { areaId: number; areaName: string; from: string; to: string }[];
  contactWithCase: boolean;
  contactWithArrival: boolean;
  contactWithFeverOrCough: boolean;
  appExposureWarning: boolean;
}

export interface RuleVerdict {
  suspected: boolean;
  arrivalFromEpidemicArea: boolean;
  /** Why: the clinical symptoms and the epidemiological factors that made it suspected; the areas of an arrival. */
  reasons: AssessmentReason[];
  /** Whether the declarant has any of the rule's clinical symptoms (without an epidemiological factor too). */
  clinical: boolean;
}

function factorPresent(factor: EpidemiologicalFactor, facts: ScreeningFacts): boolean {
  switch (factor) {
    case 'epidemic_area':
      return facts.areaMatches.length > 0;
    case 'contact_with_case':
      return facts.contactWithCase;
    case 'contact_with_arrival':
      return facts.contactWithArrival;
    case 'contact_with_fever_or_cough':
      return facts.contactWithFeverOrCough;
    case 'app_exposure_warning':
      return facts.appExposureWarning;
  }
}

function factorReasons(factor: EpidemiologicalFactor, facts: ScreeningFacts): AssessmentReason[] {
  if (factor === 'epidemic_area') return facts.areaMatches.map((m) => ({ code: 'epidemic_area', ...m }));
  return [{ code: factor }];
}

/** Judges the facts by the rule: suspected when the clinical criterion AND one of the epidemiological factors hold. */
export function judge(rule: SuspectedCaseRule, facts: ScreeningFacts): RuleVerdict {
  const counted = new Set(rule.clinical.symptoms);
  const declared = facts.symptoms.filter((s) => counted.has(s));
  const fromChecks = facts.checkSymptoms.filter((c) => c.symptoms.some((s) => counted.has(s)));
  const clinicalSymptoms = new Set([...declared, ...fromChecks.flatMap((c) => c.symptoms.filter((s) => counted.has(s)))]);
  const clinical = clinicalSymptoms.size >= rule.clinical.atLeast;
  const factors = rule.epidemiological.anyOf.filter((f) => factorPresent(f, facts));
  const suspected = clinical && factors.length > 0;
  const arrivalFromEpidemicArea = facts.areaMatches.length > 0;
  const reasons: AssessmentReason[] = [];
  if (suspected) {
    reasons.push({ code: 'symptoms', symptoms: rule.clinical.symptoms.filter((s) => clinicalSymptoms.has(s)) });
    for (const check of fromChecks) reasons.push({ code: 'monitoring_check', day: check.day });
    for (const factor of factors) reasons.push(...factorReasons(factor, facts));
  }
  if (arrivalFromEpidemicArea && !(suspected && factors.includes('epidemic_area'))) reasons.push(...factorReasons('epidemic_area', facts));
  return { suspected, arrivalFromEpidemicArea, reasons, clinical };
}
