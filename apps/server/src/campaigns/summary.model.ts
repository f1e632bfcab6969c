import type { Contact, Figures, SummaryResponse, SummaryRow } from '@bluezone/contract';
import { applies, isSubmitted, percentOf, publicValues } from './campaigns.model.js';
import type { CampaignRecord, ContactRecord, RecipientRecord, ReportRecord, RoundRecord, UnitInfo } from './campaigns.records.js';

/**
 * A round's dashboard from its recipients and reports, after DHIS2's reporting rates: every recipient is expected
 * (the denominator of completeness), a report counts once submitted or accepted, on time when sent by the end of the
 * deadline's day in Vietnam. Totals are sums over submitted reports; every percentage is recomputed from summed
 * numerators and denominators, never averaged.
 */
export interface RoundData {
  campaign: CampaignRecord;
  round: RoundRecord;
  recipients: RecipientRecord[];
  reports: Map<number, ReportRecord>;
  contacts: ContactRecord[];
  /** `[home unit, ancestor]` pairs, the home unit itself included. */
  lineage: { start: string; code: string }[];
  units: UnitInfo[];
}

interface Accumulator {
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  returned: number;
  staffTotal: number;
  staffInstalled: number;
}

const emptyAccumulator = (): Accumulator => ({ expected: 0, submitted: 0, onTime: 0, late: 0, returned: 0, staffTotal: 0, staffInstalled: 0 });

function add(into: Accumulator, report: ReportRecord | undefined): void {
  into.expected++;
  if (report && isSubmitted(report.status)) {
    into.submitted++;
    if (report.late) into.late++;
    else into.onTime++;
    into.staffTotal += report.staffTotal ?? 0;
    into.staffInstalled += report.staffInstalled ?? 0;
  } else if (report?.status === 'returned') into.returned++;
}

const rollup = (a: Accumulator) => ({
  expected: a.expected,
  submitted: a.submitted,
  onTime: a.onTime,
  late: a.late,
  returned: a.returned,
  missingCount: a.expected - a.submitted - a.returned,
  staffTotal: a.staffTotal,
  staffInstalled: a.staffInstalled,
  installedPercent: percentOf(a.staffInstalled, a.staffTotal),
});

/** Σ over submitted reports; an indicator with a target gets Σ quantity ÷ (target × reports it applies to). */
export function totalsOf(campaign: CampaignRecord, recipients: readonly RecipientRecord[], reports: Map<number, ReportRecord>): Figures {
  const all = emptyAccumulator();
  const indicators: Figures['indicators'] = {};
  const applicable = new Map<string, number>();
  for (const indicator of campaign.indicators) indicators[indicator.key] = { quantity: 0, percent: null, reports: 0 };
  for (const recipient of recipients) {
    const report = reports.get(recipient.id);
    add(all, report);
    if (!report || !isSubmitted(report.status)) continue;
    for (const indicator of campaign.indicators) if (applies(indicator, recipient)) applicable.set(indicator.key, (applicable.get(indicator.key) ?? 0) + 1);
    for (const value of report.values) {
      const total = indicators[value.indicator];
      if (!total) continue;
      total.quantity += value.quantity;
      total.reports++;
    }
  }
  for (const indicator of campaign.indicators) {
    const total = indicators[indicator.key]!;
    if (indicator.target !== null) total.percent = percentOf(total.quantity, indicator.target * (applicable.get(indicator.key) ?? 0));
  }
  return { staffTotal: all.staffTotal, staffInstalled: all.staffInstalled, installedPercent: percentOf(all.staffInstalled, all.staffTotal), indicators };
}

export function summarise(data: RoundData): SummaryResponse {
  const { campaign, round, recipients, reports } = data;
  const all = emptyAccumulator();
  const rows: SummaryRow[] = [];
  const missing: SummaryResponse['missing'] = [];
  const contactsOf = new Map<number, Contact[]>();
  for (const c of data.contacts) {
    const list = contactsOf.get(c.recipientId) ?? [];
    list.push({ displayName: c.displayName, username: c.username, email: c.email, phone: c.phone });
    contactsOf.set(c.recipientId, list);
  }

  // Up the tree: every unit on the way from a recipient's unit to the campaign's unit (units above it are not shown).
  const campaignUnitAncestors = new Set(data.lineage.filter((l) => l.start === campaign.unitCode).map((l) => l.code));
  campaignUnitAncestors.delete(campaign.unitCode);
  const chains = new Map<string, string[]>();
  for (const { start, code } of data.lineage) {
    if (campaignUnitAncestors.has(code)) continue;
    chains.set(start, [...(chains.get(start) ?? []), code]);
  }
  const byUnit = new Map<string, Accumulator>();
  const byGroup = new Map<string | null, Accumulator>();

  for (const recipient of recipients) {
    const report = reports.get(recipient.id);
    add(all, report);
    for (const code of chains.get(recipient.homeUnitCode) ?? [recipient.homeUnitCode]) {
      const at = byUnit.get(code) ?? emptyAccumulator();
      add(at, report);
      byUnit.set(code, at);
    }
    if (recipient.kind === 'agency') {
      const at = byGroup.get(recipient.group) ?? emptyAccumulator();
      add(at, report);
      byGroup.set(recipient.group, at);
    }
    const status = report?.status ?? 'not_started';
    const { level: _level, ...publicRecipient } = recipient;
    rows.push({
      recipient: publicRecipient,
      status,
      submittedAt: report?.submittedAt ?? null,
      late: report?.late ?? false,
      staffTotal: report?.staffTotal ?? null,
      staffInstalled: report?.staffInstalled ?? null,
      installedPercent: report?.staffTotal != null && report.staffInstalled !== null ? percentOf(report.staffInstalled, report.staffTotal) : null,
      indicators: publicValues(campaign.indicators, report),
      proposals: report?.proposals ?? null,
    });
    if (status === 'not_started' || status === 'draft') missing.push({ recipient: publicRecipient, status, contacts: contactsOf.get(recipient.id) ?? [] });
  }

  const unitInfo = new Map(data.units.map((u) => [u.code, u]));
  return {
    round: { roundNo: round.roundNo, name: round.name, periodStart: round.periodStart, periodEnd: round.periodEnd, deadline: round.deadline, deadlineAt: round.deadlineAt, closedAt: round.closedAt },
    expected: all.expected,
    submitted: all.submitted,
    onTime: all.onTime,
    late: all.late,
    returned: all.returned,
    accepted: [...reports.values()].filter((r) => r.status === 'accepted').length,
    missing,
    totals: totalsOf(campaign, recipients, reports),
    rows,
    byUnit: [...byUnit.entries()]
      .map(([code, a]) => {
        const unit = unitInfo.get(code);
        return { unitCode: code, name: unit?.fullName ?? code, nameEn: unit?.nameEn ?? code, level: unit?.level ?? '', parentCode: unit?.parentCode ?? null, ...rollup(a) };
      })
      .sort((a, b) => (a.unitCode === campaign.unitCode ? -1 : b.unitCode === campaign.unitCode ? 1 : a.unitCode.localeCompare(b.unitCode))),
    byGroup: [...byGroup.entries()].map(([group, a]) => ({ group, ...rollup(a) })).sort((a, b) => (a.group ?? '').localeCompare(b.group ?? '', 'vi')),
  };
}
