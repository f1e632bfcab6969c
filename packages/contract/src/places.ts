import { z } from 'zod';
import { bilingual } from './bilingual.js';
import { unitCodeSchema } from './common.js';

/**
 * Places a citizen names on the public declaration form (where they live, where they have been) and a health officer
 * names as an epidemic area: this installation's own units at any depth, and, beyond its province, every official
 * province, ward, commune and special zone of Vietnam (the list the server ships). Unit names are public knowledge,
 * so these lookups need no account; they are rate-limited per address.
 */
export const placeSchema = z.object({
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  nameEn: z.string(),
  fullNameEn: z.string(),
  level: z.string(),
  /** The province the place lies in (itself for a province). */
  provinceCode: z.string(),
  provinceName: z.string(),
  provinceNameEn: z.string(),
  /** True for units of this installation's own tree, the only ones a declaration can be routed to. */
  local: z.boolean(),
});
export type Place = z.infer<typeof placeSchema>;

/** `province`: this installation's wards, communes and the units below them; `country`: every place of Vietnam. */
export const placeScopeSchema = z.enum(['province', 'country']);
export type PlaceScope = z.infer<typeof placeScopeSchema>;

export const MAX_PLACE_RESULTS = 30;

export const searchPlacesQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe(bilingual('Tên (có hoặc không dấu) hoặc mã đơn vị', 'Name, with or without diacritics, or unit code')),
  scope: placeScopeSchema.default('province').describe(bilingual('province: đơn vị trong tỉnh; country: cả nước', 'province: units of this province; country: all of Vietnam')),
  limit: z.coerce.number().int().min(1).max(MAX_PLACE_RESULTS).default(10),
});
export type SearchPlacesQuery = z.infer<typeof searchPlacesQuerySchema>;

export const searchPlacesResponseSchema = z.object({ places: z.array(placeSchema) });
export type SearchPlacesResponse = z.infer<typeof searchPlacesResponseSchema>;

export const placeCodeParamsSchema = z.object({ code: unitCodeSchema });
