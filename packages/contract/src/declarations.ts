import { z } from 'zod';
import { bilingual } from './bilingual.js';
import { idSchema, timestampSchema, unitCodeSchema } from './common.js';
import { calendarDaySchema } from './dates.js';
import { phoneSchema } from './identity.js';
import { nextCursorSchema, pageQuerySchema } from './pagination.js';

/**
 * Health declarations (khai báo y tế), as citizens made them in 2020–21 on tokhaiyte.vn, NCOVI and PC-Covid: on a
 * phone, without an account. The fields are those of the 2020 domestic declaration form, and of its entry variant
 * for people arriving through a border gate. A declaration is routed to the ward or commune of residence (and, for
 * an entry, to the unit of destination), whose officers follow it up; the citizen keeps a receipt code.
 */
export const DECLARATION_KINDS = ['domestic', 'entry'] as const;
export const declarationKindSchema = z.enum(DECLARATION_KINDS).describe(bilingual('domestic: khai báo y tế nội địa; entry: khai báo nhập cảnh', 'domestic: domestic declaration; entry: entry declaration at a border'));
export type DeclarationKind = z.infer<typeof declarationKindSchema>;

export const GENDERS = ['male', 'female', 'other'] as const;
export const genderSchema = z.enum(GENDERS);
export type Gender = z.infer<typeof genderSchema>;

/** Symptoms asked about by the 2020 form, in the last 14 days. */
export const SYMPTOMS = ['fever', 'cough', 'shortness_of_breath', 'sore_throat', 'fatigue', 'loss_of_taste_or_smell', 'other'] as const;
export const symptomSchema = z.enum(SYMPTOMS);
export type Symptom = z.infer<typeof symptomSchema>;

/** Means of transport of the 2020 entry form (tàu bay, tàu thuyền, ô tô, tàu hỏa, khác). */
export const TRANSPORTS = ['air', 'sea', 'road', 'rail', 'other'] as const;
export const transportSchema = z.enum(TRANSPORTS);
export type Transport = z.infer<typeof transportSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);
const day = calendarDaySchema;


const addressSchema = z
  .object({
    unitCode: unitCodeSchema.describe(bilingual('Mã phường, xã (chọn từ danh sách đơn vị)', 'Code of the ward or commune (picked from the unit list)')),
    address: text(300).describe(bilingual('Số nhà, đường phố, thôn, xóm, tổ dân phố', 'House number and street, or village, hamlet, residential group')),
  })
  .strict();

export const visitSchema = z
  .object({
    unitCode: unitCodeSchema.optional().describe(bilingual('Mã đơn vị hành chính Việt Nam đã đến (mọi cấp)', 'Code of the Vietnamese unit visited (any level)')),
    place: text(200).optional().describe(bilingual('Nơi đã đến ở nước ngoài (khi không phải đơn vị Việt Nam)', 'Place visited abroad (when not a Vietnamese unit)')),
    from: day.describe(bilingual('Từ ngày (YYYY-MM-DD)', 'From (YYYY-MM-DD)')),
    to: day.describe(bilingual('Đến ngày (YYYY-MM-DD), tính cả ngày này', 'Until (YYYY-MM-DD), included')),
  })
  .strict()
  .superRefine((visit, ctx) => {
    const given = Number(visit.unitCode !== undefined) + Number(visit.place !== undefined);
    if (given !== 1) ctx.addIssue({ code: 'custom', path: [visit.unitCode === undefined ? 'unitCode' : 'place'], message: 'give a unit code or a place abroad, one of them' });
    if (visit.to < visit.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'the last day comes before the first' });
  });
export type Visit = z.infer<typeof visitSchema>;

export const contactsSchema = z
  .object({
    confirmedOrSuspectedCase: z.boolean().describe(bilingual('Tiếp xúc với người bệnh hoặc nghi ngờ mắc COVID-19', 'Contact with a confirmed or suspected COVID-19 case')),
    fromEpidemicArea: z.boolean().describe(bilingual('Tiếp xúc với người từ vùng dịch về', 'Contact with someone back from an epidemic area')),
    feverOrCough: z.boolean().describe(bilingual('Tiếp xúc với người có biểu hiện sốt, ho', 'Contact with someone with fever or cough')),
  })
  .strict()
  .describe(bilingual('Trong 14 ngày qua', 'In the last 14 days'));

export const entryDetailsSchema = z
  .object({
    borderGate: text(200).describe(bilingual('Cửa khẩu nhập cảnh', 'Border gate of entry')),
    transport: transportSchema.describe(bilingual('Phương tiện: air tàu bay, sea tàu thuyền, road ô tô, rail tàu hỏa, other khác', 'Means of transport')),
    transportNumber: text(50).optional().describe(bilingual('Số hiệu phương tiện (số chuyến bay, biển số xe)', 'Flight or vehicle number')),
    departurePlace: text(200).describe(bilingual('Nơi khởi hành (quốc gia, thành phố)', 'Place of departure (country, city)')),
    arrivalDate: day.describe(bilingual('Ngày nhập cảnh (YYYY-MM-DD)', 'Date of arrival (YYYY-MM-DD)')),
    destination: addressSchema.optional().describe(bilingual('Nơi đến sau khi nhập cảnh, nếu khác nơi ở', 'Destination after entry, when not the residence')),
  })
  .strict();
export type EntryDetails = z.infer<typeof entryDetailsSchema>;

export const declaredBySchema = z
  .object({
    fullName: text(200).describe(bilingual('Họ tên người khai hộ', 'Full name of the person declaring on their behalf')),
    phone: phoneSchema.describe(bilingual('Số điện thoại người khai hộ', 'Telephone of the person declaring')),
    relationship: text(50).describe(bilingual('Quan hệ với người được khai báo', 'Relationship to the person declared')),
  })
  .strict();

export const MAX_VISITS = 20;

export const submitDeclarationRequestSchema = z
  .object({
    kind: declarationKindSchema,
    fullName: text(200).describe(bilingual('Họ và tên (ghi chữ in hoa hoặc thường đều được)', 'Full name')),
    yearOfBirth: z.number().int().min(1900).max(2100).describe(bilingual('Năm sinh', 'Year of birth')),
    gender: genderSchema.describe(bilingual('Giới tính: male nam, female nữ, other khác', 'Gender')),
    nationality: text(100).optional().describe(bilingual('Quốc tịch', 'Nationality')),
    idNumber: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{5,20}$/, '5 to 20 letters and digits')
      .optional()
      .describe(bilingual('Số CMND, CCCD hoặc hộ chiếu (không bắt buộc)', 'Identity card or passport number (optional)')),
    phone: phoneSchema.describe(bilingual('Số điện thoại liên lạc', 'Telephone number')),
    email: z.email().max(254).optional().describe(bilingual('Thư điện tử (không bắt buộc)', 'E-mail (optional)')),
    residence: addressSchema.describe(bilingual('Nơi ở hiện nay', 'Present residence')),
    visits: z.array(visitSchema).max(MAX_VISITS).describe(bilingual('Nơi đã đến trong 14 ngày qua', 'Places visited in the last 14 days')),
    symptoms: z
      .array(symptomSchema)
      .max(SYMPTOMS.length)
      .refine((list) => new Set(list).size === list.length, 'each symptom once')
      .describe(bilingual('Triệu chứng trong 14 ngày qua', 'Symptoms in the last 14 days')),
    otherSymptom: text(200).optional().describe(bilingual('Triệu chứng khác (khi chọn other)', 'Other symptom (with "other")')),
    contacts: contactsSchema,
    chronicConditions: text(500).optional().describe(bilingual('Bệnh nền, bệnh mạn tính (không bắt buộc)', 'Chronic conditions (optional)')),
    warnedByApp: z.boolean().optional().describe(bilingual('Ứng dụng Bluezone đã cảnh báo tiếp xúc gần', 'The Bluezone app warned of a close contact')),
    entry: entryDetailsSchema.optional().describe(bilingual('Thông tin nhập cảnh (bắt buộc với kind entry)', 'Entry details (required for kind entry)')),
    declaredBy: declaredBySchema.optional().describe(bilingual('Khi khai hộ người thân', 'When declaring for a family member')),
    consent: z.literal(true).describe(bilingual('Đồng ý: thông tin là đúng và được dùng cho phòng, chống dịch', 'Consent: the answers are true and may be used against the epidemic')),
    /** Left empty by people: forms hide it, and bots that fill every field give themselves away. */
    website: z.literal('').optional().describe(bilingual('Để trống', 'Leave empty')),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.kind === 'entry' && value.entry === undefined) ctx.addIssue({ code: 'custom', path: ['entry'], message: 'an entry declaration needs its entry details' });
    if (value.kind === 'domestic' && value.entry !== undefined) ctx.addIssue({ code: 'custom', path: ['entry'], message: 'only an entry declaration has entry details' });
    const other = value.symptoms.includes('other');
    if (other && value.otherSymptom === undefined) ctx.addIssue({ code: 'custom', path: ['otherSymptom'], message: 'say which other symptom' });
    if (!other && value.otherSymptom !== undefined) ctx.addIssue({ code: 'custom', path: ['otherSymptom'], message: 'only with the symptom "other"' });
  });
export type SubmitDeclarationRequest = z.infer<typeof submitDeclarationRequestSchema>;

/** Why a declaration was flagged; the console words each code in the reader's language. */
export const assessmentReasonSchema = z.discriminatedUnion('code', [
  /** The symptoms that meet the rule's clinical criterion. */
  z.object({ code: z.literal('symptoms'), symptoms: z.array(symptomSchema) }),
  /** A place visited overlapped an epidemic area on one of its days. */
  z.object({ code: z.literal('epidemic_area'), areaId: z.number().int(), areaName: z.string(), from: z.string(), to: z.string() }),
  z.object({ code: z.literal('contact_with_case') }),
  z.object({ code: z.literal('contact_with_arrival') }),
  z.object({ code: z.literal('contact_with_fever_or_cough') }),
  z.object({ code: z.literal('app_exposure_warning') }),
  /** A daily check of monitoring found symptoms. */
  z.object({ code: z.literal('monitoring_check'), day: z.string() }),
]);
export type AssessmentReason = z.infer<typeof assessmentReasonSchema>;

export const assessmentSchema = z.object({
  suspected: z.boolean(),
  arrivalFromEpidemicArea: z.boolean(),
  reasons: z.array(assessmentReasonSchema),
  /** Last day of the 14-day monitoring of an arrival (null when not one). */
  monitoringUntil: z.string().nullable(),
  /** The rule that judged it (its id; the rule's source is in the server's configuration). */
  rule: z.string(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

/** What the citizen is told to do next, in codes the page words in Vietnamese or English. */
export const NEXT_STEPS = ['stay_home', 'call_health_station_now', 'avoid_contact', 'wear_mask', 'self_monitor', 'report_new_symptoms', 'show_receipt'] as const;
export const nextStepSchema = z.enum(NEXT_STEPS);
export type NextStep = z.infer<typeof nextStepSchema>;

export const healthStationSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  unitNameEn: z.string(),
  /** The station's telephone, as its unit set it; null when not set yet. */
  phone: z.string().nullable(),
});
export type HealthStation = z.infer<typeof healthStationSchema>;

export const submitDeclarationResponseSchema = z.object({
  /** Short code (XXXX-XXXX) to show at a checkpoint or the health station; its QR code holds the same. */
  receipt: z.string(),
  receiptExpiresAt: timestampSchema,
  /**
   * The declarant's secret for the daily self-report of a monitored arrival (`POST /api/v1/declarations/self-report`):
   * shown to no one else, stored by the server only as a hash, and sent back only with the receipt. 22 characters.
   */
  selfReportKey: z.string(),
  assessment: assessmentSchema.omit({ rule: true }),
  routedTo: z.array(z.string()),
  nextSteps: z.array(nextStepSchema),
  healthStation: healthStationSchema,
});
export type SubmitDeclarationResponse = z.infer<typeof submitDeclarationResponseSchema>;

/** Follow-up: new → contacted → home or concentrated isolation, or tested → negative / positive → closed. */
export const DECLARATION_STATUSES = ['new', 'contacted', 'home_isolation', 'concentrated_isolation', 'tested', 'negative', 'positive', 'closed'] as const;
export const declarationStatusSchema = z.enum(DECLARATION_STATUSES);
export type DeclarationStatus = z.infer<typeof declarationStatusSchema>;

/**
 * Where a declaration may go next. The path of the 2020 practice is new → contacted → home or concentrated isolation,
 * or tested → negative / positive → closed; the rest are the turns follow-up takes (a negative retested, a positive
 * moved to concentrated isolation, a closed declaration reopened). The server enforces it; the console offers it.
 */
export const STATUS_TRANSITIONS: Record<DeclarationStatus, readonly DeclarationStatus[]> = {
  new: ['contacted', 'home_isolation', 'concentrated_isolation', 'tested', 'closed'],
  contacted: ['home_isolation', 'concentrated_isolation', 'tested', 'closed'],
  home_isolation: ['concentrated_isolation', 'tested', 'closed'],
  concentrated_isolation: ['home_isolation', 'tested', 'closed'],
  tested: ['negative', 'positive'],
  negative: ['tested', 'home_isolation', 'closed'],
  positive: ['concentrated_isolation', 'closed'],
  closed: ['contacted'],
};

export const DECLARATION_FLAGS = ['suspected', 'arrival'] as const;
export const declarationFlagSchema = z.enum(DECLARATION_FLAGS);
export type DeclarationFlag = z.infer<typeof declarationFlagSchema>;

const unitRefSchema = z.object({ unitCode: z.string(), unitName: z.string(), unitNameEn: z.string() });

export const declarationSummarySchema = z.object({
  id: idSchema,
  receipt: z.string(),
  kind: declarationKindSchema,
  fullName: z.string(),
  yearOfBirth: z.number().int(),
  gender: genderSchema,
  phone: z.string(),
  residence: unitRefSchema.extend({ address: z.string() }),
  suspected: z.boolean(),
  arrivalFromEpidemicArea: z.boolean(),
  status: declarationStatusSchema,
  nextFollowUp: z.string().nullable(),
  monitoringUntil: z.string().nullable(),
  /** The latest day of the monitoring checked, by an official or by the declarant's own report; null when none. */
  lastCheckDay: z.string().nullable(),
  declaredAt: timestampSchema,
});
export type DeclarationSummary = z.infer<typeof declarationSummarySchema>;

export const declarationEventSchema = z.object({
  at: timestampSchema,
  actor: z.string().nullable(),
  kind: z.enum(['status', 'note', 'follow_up', 'check', 'assessment', 'self_report_key']),
  fromStatus: declarationStatusSchema.nullable(),
  toStatus: declarationStatusSchema.nullable(),
  note: z.string().nullable(),
  nextFollowUp: z.string().nullable(),
});
export type DeclarationEvent = z.infer<typeof declarationEventSchema>;

export const monitoringCheckSchema = z.object({
  day: z.string(),
  symptoms: z.array(symptomSchema),
  note: z.string().nullable(),
  at: timestampSchema,
  /** The official who recorded it; null when the declarant reported it (`selfReported`). */
  actor: z.string().nullable(),
  /** Reported by the declarant, from the app or the web page, with the receipt's self-report key. */
  selfReported: z.boolean(),
});
export type MonitoringCheck = z.infer<typeof monitoringCheckSchema>;

export const declarationSchema = declarationSummarySchema.extend({
  receiptExpiresAt: timestampSchema,
  nationality: z.string().nullable(),
  idNumber: z.string().nullable(),
  email: z.string().nullable(),
  declaredBy: z.object({ fullName: z.string(), phone: z.string(), relationship: z.string() }).nullable(),
  visits: z.array(z.object({ unitCode: z.string().nullable(), unitName: z.string().nullable(), unitNameEn: z.string().nullable(), place: z.string().nullable(), from: z.string(), to: z.string() })),
  symptoms: z.array(symptomSchema),
  otherSymptom: z.string().nullable(),
  contacts: z.object({ confirmedOrSuspectedCase: z.boolean(), fromEpidemicArea: z.boolean(), feverOrCough: z.boolean() }),
  chronicConditions: z.string().nullable(),
  warnedByApp: z.boolean().nullable(),
  entry: z
    .object({
      borderGate: z.string(),
      transport: transportSchema,
      transportNumber: z.string().nullable(),
      departurePlace: z.string(),
      arrivalDate: z.string(),
      destination: unitRefSchema.extend({ address: z.string() }).nullable(),
    })
    .nullable(),
  assessment: assessmentSchema,
  routedTo: z.array(unitRefSchema),
  history: z.array(declarationEventSchema),
  checks: z.array(monitoringCheckSchema),
  updatedAt: timestampSchema,
});
export type Declaration = z.infer<typeof declarationSchema>;

export const declarationFilterSchema = z.object({
  unit: unitCodeSchema.optional().describe(bilingual('Đơn vị (mặc định: đơn vị của người xem) và các đơn vị trực thuộc', 'Unit (default: the viewer’s) and the units below it')),
  flag: declarationFlagSchema.optional().describe(bilingual('suspected: nghi ngờ; arrival: từ vùng dịch về', 'suspected, or arrival from an epidemic area')),
  status: z.union([declarationStatusSchema, z.literal('open')]).optional().describe(bilingual('Trạng thái; open: mọi trạng thái trừ closed', 'Status; open: any but closed')),
  from: day.optional().describe(bilingual('Khai báo từ ngày', 'Declared from this day')),
  to: day.optional().describe(bilingual('Khai báo đến ngày', 'Declared until this day')),
});
export type DeclarationFilter = z.infer<typeof declarationFilterSchema>;

export const listDeclarationsQuerySchema = declarationFilterSchema.extend(pageQuerySchema.shape);
export type ListDeclarationsQuery = z.infer<typeof listDeclarationsQuerySchema>;

/** Suspected first, then arrivals, then the rest; newest first within each. */
export const listDeclarationsResponseSchema = z.object({ declarations: z.array(declarationSummarySchema), nextCursor: nextCursorSchema });
export type ListDeclarationsResponse = z.infer<typeof listDeclarationsResponseSchema>;

export const declarationResponseSchema = z.object({ declaration: declarationSchema });
export type DeclarationResponse = z.infer<typeof declarationResponseSchema>;

export const updateDeclarationRequestSchema = z
  .object({
    status: declarationStatusSchema.optional().describe(bilingual('Trạng thái mới', 'New status')),
    note: text(2000).optional().describe(bilingual('Ghi chú theo dõi', 'Follow-up note')),
    nextFollowUp: day.nullable().optional().describe(bilingual('Ngày theo dõi tiếp (null: bỏ)', 'Next follow-up day (null clears it)')),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: 'give at least one field to change' });
export type UpdateDeclarationRequest = z.infer<typeof updateDeclarationRequestSchema>;

/** A day's symptoms, of an official's check or of the declarant's report: each at most once; none is an empty list. */
const daySymptomsSchema = z
  .array(symptomSchema)
  .max(SYMPTOMS.length)
  .refine((list) => new Set(list).size === list.length, 'each symptom once')
  .describe(bilingual('Triệu chứng hôm đó; rỗng: không có triệu chứng', 'Symptoms that day; empty: none'));

export const addCheckRequestSchema = z
  .object({
    day: day.describe(bilingual('Ngày kiểm tra (YYYY-MM-DD)', 'Day of the check')),
    symptoms: daySymptomsSchema,
    note: text(1000).optional(),
  })
  .strict();
export type AddCheckRequest = z.infer<typeof addCheckRequestSchema>;

export const receiptParamsSchema = z.object({ receipt: z.string().trim().min(4).max(20) });

/**
 * A new self-report key for a declaration, issued by an officer for a declarant who lost their link: the old key
 * stops working. Shown once, like the first (only its hash is kept).
 */
export const selfReportKeyResponseSchema = z.object({ receipt: z.string(), selfReportKey: z.string() });
export type SelfReportKeyResponse = z.infer<typeof selfReportKeyResponseSchema>;

/** The declarant's own credentials: the receipt and the self-report key the declaration's answer gave. */
export const selfReportRequestSchema = z
  .object({
    receipt: z.string().trim().min(4).max(20).describe(bilingual('Mã khai báo (XXXX-XXXX)', 'Receipt (XXXX-XXXX)')),
    key: z.string().min(1).max(64).describe(bilingual('Khóa tự báo cáo nhận khi khai báo', 'Self-report key given with the receipt')),
  })
  .strict();
export type SelfReportRequest = z.infer<typeof selfReportRequestSchema>;

/** A day's self-report of a monitored arrival; a second report of the same day replaces the first. */
export const selfReportCheckRequestSchema = selfReportRequestSchema
  .extend({
    day: day.describe(bilingual('Ngày báo cáo (YYYY-MM-DD), hôm nay hoặc trước đó', 'Day reported (YYYY-MM-DD), today or before')),
    symptoms: daySymptomsSchema,
    note: text(500).optional().describe(bilingual('Ghi chú cho trạm y tế (không bắt buộc)', 'Note for the health station (optional)')),
  })
  .strict();
export type SelfReportCheckRequest = z.infer<typeof selfReportCheckRequestSchema>;

/** What the declarant sees of their monitoring: its last day, the days reported, and whom to call. */
export const selfReportStatusSchema = z.object({
  receipt: z.string(),
  /** Day of the declaration (in Vietnam): the first day a form offers to report. */
  declaredDay: z.string(),
  /** Last day of the 14-day monitoring; null when the declaration is not monitored (no report is taken then). */
  monitoringUntil: z.string().nullable(),
  /** Today in Vietnam, as the server counts days. */
  today: z.string(),
  /** Whether the declaration is now a suspected case: the app then asks the declarant to call the station. */
  suspected: z.boolean(),
  /** The days checked, by the declarant or by an official, without notes or names. */
  checks: z.array(z.object({ day: z.string(), symptoms: z.array(symptomSchema), selfReported: z.boolean() })),
  healthStation: healthStationSchema,
});
export type SelfReportStatus = z.infer<typeof selfReportStatusSchema>;
export const selfReportStatusResponseSchema = z.object({ status: selfReportStatusSchema });

/** What a checkpoint sees from a receipt: who, whether the receipt holds, and what the screening found. */
export const checkpointViewSchema = z.object({
  id: idSchema,
  receipt: z.string(),
  receiptExpiresAt: timestampSchema,
  receiptValid: z.boolean(),
  kind: declarationKindSchema,
  fullName: z.string(),
  yearOfBirth: z.number().int(),
  gender: genderSchema,
  idNumber: z.string().nullable(),
  residence: unitRefSchema,
  suspected: z.boolean(),
  arrivalFromEpidemicArea: z.boolean(),
  monitoringUntil: z.string().nullable(),
  reasons: z.array(assessmentReasonSchema),
  declaredAt: timestampSchema,
  /** Whether the viewer may open the whole declaration (it is routed to their unit subtree). */
  inScope: z.boolean(),
});
export type CheckpointView = z.infer<typeof checkpointViewSchema>;
export const checkpointResponseSchema = z.object({ declaration: checkpointViewSchema });

export const declarationStatsQuerySchema = z.object({
  unit: unitCodeSchema.optional(),
  from: day.optional(),
  to: day.optional(),
});
export type DeclarationStatsQuery = z.infer<typeof declarationStatsQuerySchema>;

const countsSchema = z.object({ declarations: z.number().int(), suspected: z.number().int(), arrivals: z.number().int() });
export const declarationStatsResponseSchema = z.object({
  unit: z.string(),
  from: z.string(),
  to: z.string(),
  days: z.array(countsSchema.extend({ date: z.string() })),
  /** Per unit directly below `unit` (each with the units below it). */
  units: z.array(countsSchema.extend(unitRefSchema.shape)),
  total: countsSchema,
});
export type DeclarationStatsResponse = z.infer<typeof declarationStatsResponseSchema>;

/** Each unit's health station: the telephone its declarants are told to call. */
export const healthStationSettingsSchema = z.object({
  unitCode: z.string(),
  phone: z.string().nullable(),
  updatedAt: timestampSchema.nullable(),
});
export type HealthStationSettings = z.infer<typeof healthStationSettingsSchema>;

/** PUT replaces; an empty string means none. */
export const updateHealthStationRequestSchema = z
  .object({
    phone: z.union([phoneSchema, z.literal('')]).describe(bilingual('Số điện thoại trạm y tế; chuỗi rỗng: không có', 'Telephone of the health station; an empty string: none')),
  })
  .strict();
export type UpdateHealthStationRequest = z.infer<typeof updateHealthStationRequestSchema>;
