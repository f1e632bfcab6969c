import { z } from 'zod';
import { calendarDaySchema } from './dates.js';
import { idSchema, timestampSchema, unitCodeSchema } from './common.js';
import { nextCursorSchema, pageQuerySchema } from './pagination.js';

/**
 * Campaign reporting: a directive (công văn) asks its recipients, units and agencies, to report round by round (đợt)
 * how many of their staff installed Bluezone and what they did to spread the word. The report form follows the table
 * of the directive of UBND thành phố Lạng Sơn (August 2020): TT · Phương thức thông tin · Số lượng · Tỷ lệ % · Ghi chú,
 * with five rows, plus proposals (đề xuất, kiến nghị).
 */

/** The five communication indicators of the directive's table, in its order. */
export const INDICATOR_KEYS = ['radio', 'news', 'loudspeaker', 'collaborators', 'other'] as const;
export const indicatorKeySchema = z.enum(INDICATOR_KEYS);
export type IndicatorKey = z.infer<typeof indicatorKeySchema>;

/** Unit levels of the local tier (phường, xã, đặc khu): "Đối với các phường, xã" in the directive. */
export const LOCAL_UNIT_LEVELS = ['ward', 'commune', 'special_zone'] as const;

/** The directive's wording of each row, and a natural English one. */
export const DEFAULT_INDICATOR_LABELS: Record<IndicatorKey, { vi: string; en: string }> = {
  radio: { vi: 'Truyền thanh', en: 'Local radio broadcasts' },
  news: { vi: 'Tin, bài', en: 'News items and articles' },
  loudspeaker: { vi: 'Tuyên truyền lưu động', en: 'Mobile loudspeaker rounds' },
  collaborators: { vi: 'Cộng tác viên tuyên truyền đã hoạt động', en: 'Active volunteer communicators' },
  other: { vi: 'Hình thức khác', en: 'Other channels' },
};

const labelSchema = z.object({ vi: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) }).strict();
const groupNameSchema = z.string().trim().min(1).max(100);

/**
 * Who an indicator applies to. Absent: every recipient. Present: recipients that are units of one of `levels`, and
 * agencies of one of `agencyGroups` (the directive's "Đối với TT VH-TT, các phường, xã").
 */
export const indicatorScopeSchema = z
  .object({
    levels: z.array(z.string().trim().min(1).max(32)).max(10).default([]),
    agencyGroups: z.array(groupNameSchema).max(20).default([]),
  })
  .strict();
export type IndicatorScope = z.infer<typeof indicatorScopeSchema>;

export const indicatorDefinitionSchema = z
  .object({
    key: indicatorKeySchema,
    /** The row's wording; the directive's by default. */
    label: labelSchema.optional(),
    appliesTo: indicatorScopeSchema.optional(),
    /** A quantity each recipient should reach: its % is then computed (quantity ÷ target), not entered. */
    target: z.number().int().positive().max(1_000_000_000).optional(),
    /** Shown in the Ghi chú column of the official report. */
    note: z.string().trim().max(300).optional(),
  })
  .strict();
export type IndicatorDefinitionInput = z.input<typeof indicatorDefinitionSchema>;

/** An indicator of a campaign's form, as stored and answered: every field filled in. */
export const indicatorSchema = z.object({
  key: indicatorKeySchema,
  label: labelSchema,
  appliesTo: indicatorScopeSchema.nullable(),
  target: z.number().int().nullable(),
  note: z.string().nullable(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

/** The 2020 directive's "TT VH-TT" (trung tâm văn hóa - thể thao): the agency group the agencies list suggests. */
const CULTURE_CENTRES = 'trung tâm văn hóa';

/**
 * The form of UBND thành phố Lạng Sơn's directive (August 2020), used when a campaign gives none: radio for wards
 * and communes; news and mobile loudspeakers for culture centres, wards and communes; collaborators and other
 * channels for every recipient. Plain data, so the console offers the same form to adjust.
 */
export const DEFAULT_INDICATORS: readonly Indicator[] = INDICATOR_KEYS.map((key) => {
  const local = [...LOCAL_UNIT_LEVELS];
  const scopes: Record<IndicatorKey, Pick<Indicator, 'appliesTo' | 'note'>> = {
    radio: { appliesTo: { levels: local, agencyGroups: [] }, note: 'Đối với các phường, xã' },
    news: { appliesTo: { levels: local, agencyGroups: [CULTURE_CENTRES] }, note: 'Đối với TT VH-TT, các phường, xã' },
    loudspeaker: { appliesTo: { levels: local, agencyGroups: [CULTURE_CENTRES] }, note: 'Đối với TT VH-TT, các phường, xã' },
    collaborators: { appliesTo: null, note: null },
    other: { appliesTo: null, note: null },
  };
  return { key, label: DEFAULT_INDICATOR_LABELS[key], target: null, ...scopes[key] };
});

/**
 * Recipients, picked in one go: units themselves (`unitCodes`), "every ward and commune under X" (`localUnitsUnder`),
 * agencies (`agencyIds`) and "every agency of group Y" within the issuer's unit subtree (`agencyGroups`).
 */
export const recipientPicksSchema = z
  .object({
    unitCodes: z.array(unitCodeSchema).max(5000).default([]),
    localUnitsUnder: z.array(unitCodeSchema).max(100).default([]),
    agencyIds: z.array(idSchema).max(20000).default([]),
    agencyGroups: z.array(groupNameSchema).max(50).default([]),
  })
  .strict();
export type RecipientPicks = z.infer<typeof recipientPicksSchema>;

export const newRoundSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    /** The period the round covers; its start is optional (the campaign's start by default). */
    periodStart: calendarDaySchema.optional(),
    periodEnd: calendarDaySchema,
    /** The last day to report, in Vietnam's time: "đến hết ngày 10/8/2020" is until 23:59:59 that day. */
    deadline: calendarDaySchema,
  })
  .strict();
export type NewRound = z.infer<typeof newRoundSchema>;

/** How the official report is signed and addressed; blanks print as dotted lines for the clerk to fill. */
export const reportHeaderSchema = z
  .object({
    /** The line above the issuing body in the header, e.g. "UBND TỈNH LẠNG SƠN". */
    parentBody: z.string().trim().max(200).optional(),
    /** Kính gửi: who the combined report goes to. */
    reportTo: z.string().trim().max(300).optional(),
    /** The place before the date, e.g. "Lạng Sơn". */
    place: z.string().trim().max(100).optional(),
    /** E.g. "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC". */
    signerTitle: z.string().trim().max(200).optional(),
    signerName: z.string().trim().max(200).optional(),
    /** The abbreviation after the number, e.g. "BC-STTTT" in "Số: …/BC-STTTT". */
    symbol: z.string().trim().max(50).optional(),
  })
  .strict();
export type ReportHeader = z.infer<typeof reportHeaderSchema>;

export const createCampaignRequestSchema = z
  .object({
    /** The directive's number and symbol, e.g. 1405/STTTT-TTBCXB. */
    documentNumber: z.string().trim().min(1).max(100),
    /** Its subject, "V/v …". */
    title: z.string().trim().min(1).max(500),
    issuedOn: calendarDaySchema,
    /** The issuing body as printed, e.g. "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"; the issuer's unit by default. */
    issuingBody: z.string().trim().min(1).max(200).optional(),
    body: z.string().trim().max(20_000).optional(),
    recipients: recipientPicksSchema,
    rounds: z.array(newRoundSchema).min(1).max(50),
    indicators: z.array(indicatorDefinitionSchema).max(INDICATOR_KEYS.length).optional(),
    header: reportHeaderSchema.optional(),
  })
  .strict();
export type CreateCampaignRequest = z.input<typeof createCampaignRequestSchema>;
export type CreateCampaign = z.infer<typeof createCampaignRequestSchema>;

export const ROUND_STATES = ['open', 'closed'] as const;

export const roundSchema = z.object({
  roundNo: z.number().int().positive(),
  name: z.string(),
  periodStart: z.string().nullable(),
  periodEnd: z.string(),
  deadline: z.string(),
  /** The instant the deadline ends (23:59:59.999 in Vietnam), UTC. */
  deadlineAt: timestampSchema,
  closedAt: timestampSchema.nullable(),
});
export type Round = z.infer<typeof roundSchema>;

export const attachmentSchema = z.object({
  id: idSchema,
  fileName: z.string(),
  contentType: z.string(),
  bytes: z.number().int(),
  createdAt: timestampSchema,
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const RECIPIENT_KINDS = ['unit', 'agency'] as const;

export const recipientSchema = z.object({
  id: idSchema,
  kind: z.enum(RECIPIENT_KINDS),
  unitCode: z.string().nullable(),
  agencyId: z.number().int().nullable(),
  name: z.string(),
  nameEn: z.string(),
  /** The unit the recipient belongs to: the unit itself, or the agency's unit. */
  homeUnitCode: z.string(),
  group: z.string().nullable(),
  receivedAt: timestampSchema.nullable(),
});
export type Recipient = z.infer<typeof recipientSchema>;

export const campaignSchema = z.object({
  id: idSchema,
  documentNumber: z.string(),
  title: z.string(),
  issuedOn: z.string(),
  issuingBody: z.string(),
  unitCode: z.string(),
  body: z.string(),
  indicators: z.array(indicatorSchema),
  header: reportHeaderSchema,
  rounds: z.array(roundSchema),
  attachments: z.array(attachmentSchema),
  recipientCount: z.number().int(),
  createdAt: timestampSchema,
});
export type Campaign = z.infer<typeof campaignSchema>;

export const campaignResponseSchema = z.object({ campaign: campaignSchema });
export type CampaignResponse = z.infer<typeof campaignResponseSchema>;

export const campaignParamsSchema = z.object({ id: z.string().regex(/^[1-9][0-9]{0,14}$/, 'a positive whole number in plain decimal').transform(Number) });
export const roundParamsSchema = campaignParamsSchema.extend({
  roundNo: z.string().regex(/^[1-9][0-9]{0,3}$/, 'a round number in plain decimal').transform(Number),
});
export const reviewParamsSchema = roundParamsSchema.extend({
  recipientId: z.string().regex(/^[1-9][0-9]{0,14}$/, 'a positive whole number in plain decimal').transform(Number),
});
export const attachmentParamsSchema = campaignParamsSchema.extend({
  attachmentId: z.string().regex(/^[1-9][0-9]{0,14}$/, 'a positive whole number in plain decimal').transform(Number),
});
export const attachmentQuerySchema = z.object({ name: z.string().trim().min(1).max(200) });

export const listCampaignsQuerySchema = pageQuerySchema;
export const campaignListItemSchema = z.object({
  id: idSchema,
  documentNumber: z.string(),
  title: z.string(),
  issuedOn: z.string(),
  issuingBody: z.string(),
  unitCode: z.string(),
  recipientCount: z.number().int(),
  rounds: z.array(roundSchema),
});
export type CampaignListItem = z.infer<typeof campaignListItemSchema>;
export const listCampaignsResponseSchema = z.object({ campaigns: z.array(campaignListItemSchema), nextCursor: nextCursorSchema });
export type ListCampaignsResponse = z.infer<typeof listCampaignsResponseSchema>;

export const addRoundResponseSchema = z.object({ round: roundSchema });

// ---- Reports ----

/** Draft (saved, not sent), submitted, returned to the reporter with a comment, or accepted by the issuer. */
export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export const reportStatusSchema = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof reportStatusSchema>;

const count = z.number().int().min(0).max(10_000_000);

export const indicatorValueInputSchema = z
  .object({
    quantity: count,
    /** Entered only when the indicator has no target (then it is computed). */
    percent: z.number().min(0).max(100).optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .strict();

export const saveReportRequestSchema = z
  .object({
    /** Staff (cán bộ, công chức, viên chức, người lao động) and how many of them installed Bluezone. A draft may leave them empty. */
    staffTotal: count.nullable().optional(),
    staffInstalled: count.nullable().optional(),
    /** By indicator key; a key the campaign's form does not have, or that does not apply to this recipient, is `unknown_indicator`. */
    indicators: z.record(z.string().min(1).max(40), indicatorValueInputSchema).default({}),
    proposals: z.string().trim().max(5000).optional(),
  })
  .strict();
export type SaveReportRequest = z.input<typeof saveReportRequestSchema>;

export const indicatorValueSchema = z.object({
  quantity: z.number().int(),
  /** Entered, or computed from the target; null when neither. */
  percent: z.number().nullable(),
  note: z.string().nullable(),
});
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;

export const reportSchema = z.object({
  campaignId: idSchema,
  roundNo: z.number().int(),
  recipient: recipientSchema,
  /** `not_started` until the first save. */
  status: z.enum(['not_started', ...REPORT_STATUSES]),
  staffTotal: z.number().int().nullable(),
  staffInstalled: z.number().int().nullable(),
  installedPercent: z.number().nullable(),
  indicators: z.partialRecord(indicatorKeySchema, indicatorValueSchema),
  proposals: z.string().nullable(),
  submittedAt: timestampSchema.nullable(),
  late: z.boolean(),
  /** The issuer's comment when returned. */
  reviewComment: z.string().nullable(),
  reviewedAt: timestampSchema.nullable(),
  updatedAt: timestampSchema.nullable(),
  /** The indicators of the campaign's form that apply to this recipient, in the form's order: the rows to fill in. */
  form: z.array(indicatorSchema),
  /** Whether the round is closed (nothing more is saved or sent). */
  roundClosed: z.boolean(),
  /** Whether the deadline has passed by the server's clock: a report sent now is late (unless it was returned). */
  pastDeadline: z.boolean(),
});
export type Report = z.infer<typeof reportSchema>;
export const reportResponseSchema = z.object({ report: reportSchema });
export type ReportResponse = z.infer<typeof reportResponseSchema>;

export const returnReportRequestSchema = z.object({ comment: z.string().trim().min(1).max(2000) }).strict();
export type ReturnReportRequest = z.infer<typeof returnReportRequestSchema>;

// ---- Inbox ----

export const inboxItemSchema = z.object({
  campaign: campaignListItemSchema,
  recipient: recipientSchema,
  /** This recipient's report status in each round, by round number. */
  reports: z.array(z.object({ roundNo: z.number().int(), status: z.enum(['not_started', ...REPORT_STATUSES]), late: z.boolean() })),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;
export const inboxResponseSchema = z.object({ items: z.array(inboxItemSchema), nextCursor: nextCursorSchema });
export type InboxResponse = z.infer<typeof inboxResponseSchema>;

// ---- Summary (the issuer's dashboard) ----

export const figuresSchema = z.object({
  staffTotal: z.number(),
  staffInstalled: z.number(),
  /** Σ installed ÷ Σ staff × 100 (never an average of percentages); null when no staff was reported. */
  installedPercent: z.number().nullable(),
  indicators: z.record(
    z.string(),
    z.object({
      quantity: z.number(),
      /** Recomputed from Σ quantity ÷ Σ targets when the indicator has a target; null otherwise. */
      percent: z.number().nullable(),
      /** How many submitted reports gave it. */
      reports: z.number().int(),
    }),
  ),
});
export type Figures = z.infer<typeof figuresSchema>;

export const contactSchema = z.object({ displayName: z.string(), username: z.string(), email: z.string().nullable(), phone: z.string().nullable() });
export type Contact = z.infer<typeof contactSchema>;

export const summaryRowSchema = z.object({
  recipient: recipientSchema,
  status: z.enum(['not_started', ...REPORT_STATUSES]),
  submittedAt: timestampSchema.nullable(),
  late: z.boolean(),
  staffTotal: z.number().int().nullable(),
  staffInstalled: z.number().int().nullable(),
  installedPercent: z.number().nullable(),
  indicators: z.partialRecord(indicatorKeySchema, indicatorValueSchema),
  proposals: z.string().nullable(),
});
export type SummaryRow = z.infer<typeof summaryRowSchema>;

export const completenessSchema = z.object({
  expected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  returned: z.number().int(),
  /** Neither submitted nor returned: not started, or a draft. */
  missingCount: z.number().int(),
});

export const rollupRowSchema = completenessSchema.extend({
  staffTotal: z.number(),
  staffInstalled: z.number(),
  installedPercent: z.number().nullable(),
});

export const summaryResponseSchema = z.object({
  round: roundSchema,
  expected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  returned: z.number().int(),
  accepted: z.number().int(),
  missing: z.array(z.object({ recipient: recipientSchema, status: z.enum(['not_started', 'draft']), contacts: z.array(contactSchema) })),
  totals: figuresSchema,
  rows: z.array(summaryRowSchema),
  /** Up the unit tree: every unit from the recipients' units to the campaign's unit, with the recipients below it. */
  byUnit: z.array(rollupRowSchema.extend({ unitCode: z.string(), name: z.string(), nameEn: z.string(), level: z.string(), parentCode: z.string().nullable() })),
  /** Agencies by their group (units are not in it). */
  byGroup: z.array(rollupRowSchema.extend({ group: z.string().nullable() })),
});
export type SummaryResponse = z.infer<typeof summaryResponseSchema>;

/** Figures of every round side by side, for trends. */
export const trendResponseSchema = z.object({
  rounds: z.array(completenessSchema.extend({ round: roundSchema, totals: figuresSchema })),
});
export type TrendResponse = z.infer<typeof trendResponseSchema>;

export const ATTACHMENT_TYPES = {
  'application/pdf': '.pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;
