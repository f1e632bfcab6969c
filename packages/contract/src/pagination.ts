import { z } from 'zod';

/**
 * Keyset pagination for every list of the API. A page is asked for with `limit` and the `cursor` of the previous
 * page; the answer carries `nextCursor`, null on the last page. The cursor is opaque to clients (base64url of the sort
 * key of the last row), so a list can change its sort key without breaking them, and rows added while a reader pages
 * are neither skipped nor repeated, unlike offset paging.
 */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export const cursorSchema = z
  .string()
  .max(512)
  .regex(/^[A-Za-z0-9_-]+$/, 'an opaque cursor from a previous page');

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: cursorSchema.optional(),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export const nextCursorSchema = z.string().nullable();

