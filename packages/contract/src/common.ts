import { z } from 'zod';

/** Languages a person can read the console in: Vietnamese first, English second. */
export const localeSchema = z.enum(['vi', 'en']);
export type Locale = z.infer<typeof localeSchema>;

/** Unit codes are the official numeric codes (province "20", ward/commune "06184"), or admin-added ones. */
export const unitCodeSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(32, 'must be at most 32 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, "-" and "_"');

/** ISO 8601 timestamp in UTC, e.g. 2026-11-23T09:20:10.000Z. */
export const timestampSchema = z.string();

/** Database ids are positive integers, sent as numbers; path parameters arrive as strings and are coerced. */
export const idSchema = z.number().int().positive();
export const idParamsSchema = z.object({ id: z.coerce.number().int().positive() });
