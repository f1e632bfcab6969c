import { z } from 'zod';
import { bilingual } from './bilingual.js';
import { idSchema, timestampSchema, unitCodeSchema } from './common.js';
import { calendarDaySchema } from './dates.js';
import { nextCursorSchema, pageQuerySchema } from './pagination.js';

/**
 * Epidemic areas (vùng dịch), kept by health officers: an administrative unit of Vietnam at any level (a province, a
 * ward, a village of this province) or a named place abroad, from one day to another (or open-ended), with the reason.
 * A declarant who was in a place overlapping an area on one of its days is an arrival from an epidemic area.
 */
export const epidemicAreaSchema = z.object({
  id: idSchema,
  name: z.string(),
  unitCode: z.string().nullable(),
  /** Vietnamese and English names of the unit, when the area is one. */
  unitName: z.string().nullable(),
  unitNameEn: z.string().nullable(),
  place: z.string().nullable(),
  from: z.string(),
  to: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type EpidemicArea = z.infer<typeof epidemicAreaSchema>;

const areaName = z.string().trim().min(1).max(200).describe(bilingual('Tên vùng dịch, như người dân gọi', 'Name of the area as people call it'));
const areaUnit = unitCodeSchema.describe(bilingual('Mã đơn vị hành chính (mọi cấp, trong cả nước)', 'Code of an administrative unit of Vietnam, any level'));
const areaPlace = z.string().trim().min(1).max(200).describe(bilingual('Địa danh ở nước ngoài (khi không phải đơn vị hành chính Việt Nam)', 'A named place abroad (when not a Vietnamese unit)'));
const areaFrom = calendarDaySchema.describe(bilingual('Ngày bắt đầu (YYYY-MM-DD), tính cả ngày này', 'First day (YYYY-MM-DD), included'));
const areaTo = calendarDaySchema.describe(bilingual('Ngày kết thúc (YYYY-MM-DD), tính cả ngày này; bỏ trống khi chưa kết thúc', 'Last day (YYYY-MM-DD), included; leave out while it lasts'));
const areaReason = z.string().trim().min(1).max(1000).describe(bilingual('Lý do, căn cứ (văn bản, ca bệnh)', 'Reason and basis (document, cases)'));

function checkArea(value: { unitCode?: string | null; place?: string | null; from?: string; to?: string | null }, ctx: z.RefinementCtx, creating: boolean): void {
  const hasUnit = typeof value.unitCode === 'string';
  const hasPlace = typeof value.place === 'string';
  if (hasUnit && hasPlace) ctx.addIssue({ code: 'custom', path: ['place'], message: 'give a unit code or a place abroad, not both' });
  if (creating && !hasUnit && !hasPlace) ctx.addIssue({ code: 'custom', path: ['unitCode'], message: 'give a unit code or a place abroad' });
  if (value.from !== undefined && typeof value.to === 'string' && value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'the last day comes before the first' });
}

export const createEpidemicAreaRequestSchema = z
  .object({ name: areaName, unitCode: areaUnit.optional(), place: areaPlace.optional(), from: areaFrom, to: areaTo.optional(), reason: areaReason.optional() })
  .strict()
  .superRefine((value, ctx) => checkArea(value, ctx, true));
export type CreateEpidemicAreaRequest = z.infer<typeof createEpidemicAreaRequestSchema>;

/** Any field may change; giving `unitCode` clears `place` and the reverse; `to: null` reopens an ended area. */
export const updateEpidemicAreaRequestSchema = z
  .object({
    name: areaName.optional(),
    unitCode: areaUnit.optional(),
    place: areaPlace.optional(),
    from: areaFrom.optional(),
    to: areaTo.nullable().optional(),
    reason: areaReason.nullable().optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (Object.keys(value).length === 0) ctx.addIssue({ code: 'custom', path: [], message: 'give at least one field to change' });
    checkArea(value, ctx, false);
  });
export type UpdateEpidemicAreaRequest = z.infer<typeof updateEpidemicAreaRequestSchema>;

export const listEpidemicAreasQuerySchema = z
  .object({
    /** Only areas in force on this Vietnamese day (default: every area). */
    on: calendarDaySchema.optional().describe(bilingual('Chỉ các vùng dịch còn hiệu lực vào ngày này', 'Only areas in force on this day')),
  })
  .extend(pageQuerySchema.shape);
export type ListEpidemicAreasQuery = z.infer<typeof listEpidemicAreasQuerySchema>;

export const listEpidemicAreasResponseSchema = z.object({ areas: z.array(epidemicAreaSchema), nextCursor: nextCursorSchema });
export type ListEpidemicAreasResponse = z.infer<typeof listEpidemicAreasResponseSchema>;

export const epidemicAreaResponseSchema = z.object({
  area: epidemicAreaSchema,
  /** Open declarations whose assessment this change altered (they were screened again against the new list). */
  rescreened: z.number().int().nonnegative(),
});
export type EpidemicAreaResponse = z.infer<typeof epidemicAreaResponseSchema>;
