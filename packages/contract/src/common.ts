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

/** Database ids are positive integers, sent as numbers. */
export const idSchema = z.number().int().positive();

/**
 * An id in a path, in canonical decimal only: `3`, never `03`, `+3`, `3e0` or `0x3`, so one resource has one address
 * (caches, audit lines and access rules all see the same string).
 */
export const idParamSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/, 'a positive whole number in plain decimal')
  .transform(Number);
export const idParamsSchema = z.object({ id: idParamSchema });

/** An update must change something: an empty PATCH is refused rather than recorded as a change of nothing. */
export const SOMETHING_TO_CHANGE = [(value: object) => Object.keys(value).length > 0, { message: 'give at least one field to change' }] as const;
