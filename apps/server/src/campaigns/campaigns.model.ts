import {
  DEFAULT_INDICATOR_LABELS,
  DEFAULT_INDICATORS,
  type CreateCampaign,
  type FieldError,
  type Indicator,
  type IndicatorKey,
  type IndicatorValue,
  type Recipient,
  type ReportStatus,
  type SaveReportRequest,
} from '@bluezone/contract';
import { AppError } from '../errors.js';

/**
 * The rules of campaign reporting that need no database: the default form (the directive's table), which indicator
 * applies to which recipient, the checks on a report, and how percentages are computed and combined.
 */

/** The directive's form (the contract's DEFAULT_INDICATORS), as a fresh copy. */
export function defaultIndicators(): Indicator[] {
  return DEFAULT_INDICATORS.map((indicator) => ({ ...indicator }));
}

/** The campaign's form from the request: the default when none is given, every field filled in otherwise. */
export function resolveIndicators(input: CreateCampaign['indicators']): Indicator[] {
  if (input === undefined) return defaultIndicators();
  const seen = new Set<string>();
  input.forEach((indicator, i) => {
    if (seen.has(indicator.key)) throw new AppError('validation_failed', `indicators.${i}.key: ${indicator.key} is given twice`, [{ field: `indicators.${i}.key`, problem: 'taken' }]);
    seen.add(indicator.key);
  });
  return input.map((indicator) => ({
    key: indicator.key,
    label: indicator.label ?? DEFAULT_INDICATOR_LABELS[indicator.key],
    appliesTo: indicator.appliesTo ?? null,
    target: indicator.target ?? null,
    note: indicator.note ?? null,
  }));
}

/** What the applicability of an indicator needs to know of a recipient. */
export interface RecipientKind {
  kind: Recipient['kind'];
  /** The unit's level for a unit; null for an agency. */
  level: string | null;
  group: string | null;
}

export function applies(indicator: Indicator, recipient: RecipientKind): boolean {
  if (indicator.appliesTo === null) return true;
  if (recipient.kind === 'unit') return recipient.level !== null && indicator.appliesTo.levels.includes(recipient.level);
  return recipient.group !== null && indicator.appliesTo.agencyGroups.includes(recipient.group);
}

/**
 * n ÷ d as a percentage with two decimals, or null when there is no denominator. Totals call it with summed
 * numerators and denominators: a percentage is never an average of percentages.
 */
export function percentOf(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 100 : null;
}

/** A stored value as the API shows it: the % computed from the target when the indicator has one. */
export function valueOf(indicator: Indicator | undefined, stored: { quantity: number; percent: number | null; note: string | null }): IndicatorValue {
  const percent = indicator?.target != null ? percentOf(stored.quantity, indicator.target) : stored.percent;
  return { quantity: stored.quantity, percent, note: stored.note };
}

/** Stored values as the API shows them, by indicator key, with computed percentages. */
export function publicValues(form: readonly Indicator[], report: { values: readonly { indicator: IndicatorKey; quantity: number; percent: number | null; note: string | null }[] } | undefined): Partial<Record<IndicatorKey, IndicatorValue>> {
  const out: Partial<Record<IndicatorKey, IndicatorValue>> = {};
  for (const v of report?.values ?? []) out[v.indicator] = valueOf(form.find((i) => i.key === v.indicator), v);
  return out;
}

export interface CheckedValue {
  indicator: IndicatorKey;
  quantity: number;
  percent: number | null;
  note: string | null;
}

export interface CheckedReport {
  staffTotal: number | null;
  staffInstalled: number | null;
  values: CheckedValue[];
  proposals: string | null;
}

/**
 * Checks a report against the campaign's form and the recipient: every indicator must be on the form and apply to
 * the recipient (else `unknown_indicator`), a % is entered only where there is no target, and no more staff installed
 * the app than there are staff (`installed_exceeds_staff`). Ranges (no negative counts, % ≤ 100) are the schema's.
 */
export function checkReport(form: readonly Indicator[], recipient: RecipientKind, input: ReturnType<typeof normaliseInput>): CheckedReport {
  const unknown: FieldError[] = [];
  const values: CheckedValue[] = [];
  for (const [key, value] of Object.entries(input.indicators)) {
    const indicator = form.find((i) => i.key === key);
    if (!indicator || !applies(indicator, recipient)) {
      unknown.push({ field: `indicators.${key}`, problem: 'invalid_value' });
      continue;
    }
    if (indicator.target !== null && value.percent !== undefined) {
      throw new AppError('validation_failed', `indicators.${key}.percent: computed from the target, not entered`, [{ field: `indicators.${key}.percent`, problem: 'invalid_value' }]);
    }
    values.push({ indicator: indicator.key, quantity: value.quantity, percent: value.percent ?? null, note: value.note || null });
  }
  if (unknown.length > 0) {
    throw new AppError('unknown_indicator', `${unknown.map((f) => f.field).join(', ')}: not on this campaign's form for this recipient`, unknown);
  }
  const { staffTotal, staffInstalled } = input;
  if (staffTotal !== null && staffInstalled !== null && staffInstalled > staffTotal) {
    throw new AppError('installed_exceeds_staff', `staffInstalled: ${staffInstalled} is more than the ${staffTotal} staff`, [{ field: 'staffInstalled', problem: 'too_big', limit: staffTotal }]);
  }
  return { staffTotal, staffInstalled, values, proposals: input.proposals || null };
}

/** The request with its optional parts made explicit. */
export function normaliseInput(request: SaveReportRequest) {
  return {
    staffTotal: request.staffTotal ?? null,
    staffInstalled: request.staffInstalled ?? null,
    indicators: request.indicators ?? {},
    proposals: request.proposals ?? null,
  };
}

/** What a submission needs beyond a draft: both staff figures. */
export function requireComplete(report: { staffTotal: number | null; staffInstalled: number | null }): void {
  const missing: FieldError[] = [];
  if (report.staffTotal === null) missing.push({ field: 'staffTotal', problem: 'required' });
  if (report.staffInstalled === null) missing.push({ field: 'staffInstalled', problem: 'required' });
  if (missing.length > 0) throw new AppError('report_incomplete', `${missing.map((f) => f.field).join(', ')}: needed to submit`, missing);
}

/** Submitted and accepted reports count as submitted; returned ones are back with the reporter. */
export function isSubmitted(status: ReportStatus | 'not_started'): boolean {
  return status === 'submitted' || status === 'accepted';
}

/** The default issuing body: the people's committee of the issuer's unit, as a letterhead prints it. */
export function defaultIssuingBody(unitFullName: string): string {
  return `ỦY BAN NHÂN DÂN ${unitFullName.toLocaleUpperCase('vi')}`;
}
