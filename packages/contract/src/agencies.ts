import { z } from 'zod';
import { idSchema, timestampSchema, unitCodeSchema, SOMETHING_TO_CHANGE } from './common.js';
import { nextCursorSchema, pageQuerySchema } from './pagination.js';

/** Suggestions for the free-text agency group (the 2020 directives name these three). */
export const AGENCY_GROUP_SUGGESTIONS = ['sở, ban, ngành', 'đoàn thể', 'trung tâm văn hóa'] as const;

export const agencySchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  unitCode: z.string(),
  group: z.string().nullable(),
  createdAt: timestampSchema,
});
export type Agency = z.infer<typeof agencySchema>;

const agencyCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, ".", "-" and "_" only');

export const listAgenciesQuerySchema = z.object({ unit: unitCodeSchema.optional() }).extend(pageQuerySchema.shape);
export type ListAgenciesQuery = z.infer<typeof listAgenciesQuerySchema>;

export const listAgenciesResponseSchema = z.object({ agencies: z.array(agencySchema), nextCursor: nextCursorSchema });
export type ListAgenciesResponse = z.infer<typeof listAgenciesResponseSchema>;

export const createAgencyRequestSchema = z
  .object({
    /** Generated from the unit code and a sequence when omitted. */
    code: agencyCodeSchema.optional(),
    name: z.string().trim().min(1).max(300),
    unitCode: unitCodeSchema,
    group: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export type CreateAgencyRequest = z.infer<typeof createAgencyRequestSchema>;

export const updateAgencyRequestSchema = z
  .object({
    code: agencyCodeSchema.optional(),
    name: z.string().trim().min(1).max(300).optional(),
    unitCode: unitCodeSchema.optional(),
    group: z.string().trim().min(1).max(100).nullable().optional(),
  })
  .strict()
  .refine(...SOMETHING_TO_CHANGE);
export type UpdateAgencyRequest = z.infer<typeof updateAgencyRequestSchema>;

export const agencyResponseSchema = z.object({ agency: agencySchema });
export type AgencyResponse = z.infer<typeof agencyResponseSchema>;
