import { z } from 'zod';
import { unitCodeSchema, SOMETHING_TO_CHANGE } from './common.js';
import { nextCursorSchema, pageQuerySchema } from './pagination.js';

/**
 * Unit levels of the official list since July 2025 (province, then ward / commune / special zone). The tree has any
 * depth: admins may add deeper levels (village, residential group), so the level is open text beyond these.
 */
export const KNOWN_UNIT_LEVELS = ['country', 'province', 'ward', 'commune', 'special_zone'] as const;
export const unitLevelSchema = z.string().min(1).max(32);

export const unitSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  /** English names, so a console in English shows "Dong Kinh Ward" rather than "Phường Đông Kinh". */
  nameEn: z.string(),
  fullNameEn: z.string(),
  level: unitLevelSchema,
  parentCode: z.string().nullable(),
});
export type UnitSummary = z.infer<typeof unitSummarySchema>;

export const unitDetailSchema = unitSummarySchema.extend({
  /** Ancestors from the top of the tree down to the parent. */
  path: z.array(unitSummarySchema),
});
export type UnitDetail = z.infer<typeof unitDetailSchema>;

/**
 * `parent` lists children; `q` searches names with or without diacritics, and codes ("06184", or its start "061");
 * neither returns the top of the tree (the user's own unit).
 */
export const listUnitsQuerySchema = z
  .object({
    parent: unitCodeSchema.optional(),
    q: z.string().trim().min(1).max(200).optional(),
  })
  .extend(pageQuerySchema.shape);
export type ListUnitsQuery = z.infer<typeof listUnitsQuerySchema>;

export const listUnitsResponseSchema = z.object({ units: z.array(unitSummarySchema), nextCursor: nextCursorSchema });
export type ListUnitsResponse = z.infer<typeof listUnitsResponseSchema>;

export const unitCodeParamsSchema = z.object({ code: unitCodeSchema });

/**
 * Admins add units below the official ones (a village, a residential group) or rename them. Official codes are
 * numeric; added units should use a prefix of their own to avoid clashes with future official codes.
 */
export const createUnitRequestSchema = z
  .object({
    code: unitCodeSchema,
    parentCode: unitCodeSchema,
    level: unitLevelSchema.regex(/^[a-z_]+$/, 'lower-case letters and "_" only'),
    name: z.string().trim().min(1).max(200),
    fullName: z.string().trim().min(1).max(300).optional(),
    nameEn: z.string().trim().min(1).max(200).optional(),
    fullNameEn: z.string().trim().min(1).max(300).optional(),
  })
  .strict();
export type CreateUnitRequest = z.infer<typeof createUnitRequestSchema>;

/** Renames only: moving a unit would move everything filed under it, so it is not offered. */
export const updateUnitRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    fullName: z.string().trim().min(1).max(300).optional(),
    nameEn: z.string().trim().min(1).max(200).optional(),
    fullNameEn: z.string().trim().min(1).max(300).optional(),
  })
  .strict()
  .refine(...SOMETHING_TO_CHANGE);
export type UpdateUnitRequest = z.infer<typeof updateUnitRequestSchema>;

/**
 * The outlines of the wards and communes of the installation's province, simplified for a map (GeoJSON, WGS 84
 * longitude/latitude): each feature's `code` is a unit code. Absent (404) for a province whose map is not shipped.
 */
export const unitBoundariesSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({ code: z.string() }),
      geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) }),
    }),
  ),
});
export type UnitBoundaries = z.infer<typeof unitBoundariesSchema>;
