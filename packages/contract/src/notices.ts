import { z } from 'zod';
import { idSchema, timestampSchema, unitCodeSchema } from './common.js';
import { nextCursorSchema, pageQuerySchema } from './pagination.js';

/**
 * Notices: short messages that health officers and campaign issuers publish from the console to every citizen's
 * app (an inbox, as the 2020 Bluezone app had). Written in Vietnamese, with an optional English version; retired
 * notices leave the app's list. The app fetches them anonymously; nothing about the reader is recorded.
 */
export const NOTICE_TITLE_MAX = 120;
export const NOTICE_BODY_MAX = 4000;
const titleSchema = z.string().trim().min(1).max(NOTICE_TITLE_MAX);
const bodySchema = z.string().trim().min(1).max(NOTICE_BODY_MAX);

export const createNoticeRequestSchema = z
  .object({
    title: titleSchema,
    body: bodySchema,
    titleEn: titleSchema.optional(),
    bodyEn: bodySchema.optional(),
  })
  .strict()
  // An app in English shows the English version only when it is whole: a title alone would leave the text untranslated.
  .superRefine((notice, context) => {
    const missing = notice.titleEn === undefined ? (notice.bodyEn === undefined ? null : 'titleEn') : notice.bodyEn === undefined ? 'bodyEn' : null;
    if (missing) context.addIssue({ code: 'custom', path: [missing], message: 'give the English title and text together, or neither' });
  });
export type CreateNoticeRequest = z.infer<typeof createNoticeRequestSchema>;

/** Retiring takes no fields: its body is `{}`. */
export const retireNoticeRequestSchema = z.object({}).strict();

/**
 * A notice as the app shows it. `publisher` is the full name of the author's unit (`publisherEn` in English), never
 * the author.
 */
export const publicNoticeSchema = z.object({
  id: idSchema,
  title: z.string(),
  body: z.string(),
  titleEn: z.string().nullable(),
  bodyEn: z.string().nullable(),
  publisher: z.string(),
  publisherEn: z.string().nullable(),
  publishedAt: timestampSchema,
});
export type PublicNotice = z.infer<typeof publicNoticeSchema>;
/** The app's inbox: the latest live notices, newest first, in one short answer (no paging). */
export const listPublicNoticesResponseSchema = z.object({ notices: z.array(publicNoticeSchema) });
export type ListPublicNoticesResponse = z.infer<typeof listPublicNoticesResponseSchema>;

/** A notice as the console lists it, with who published and retired it. */
export const noticeSchema = publicNoticeSchema.extend({
  unitCode: unitCodeSchema,
  createdBy: idSchema,
  createdByName: z.string(),
  retiredAt: timestampSchema.nullable(),
});
export type Notice = z.infer<typeof noticeSchema>;

/** The console's list: notices published in `unit` and the units below it (default: the official's own unit). */
export const listNoticesQuerySchema = z.object({ unit: unitCodeSchema.optional() }).extend(pageQuerySchema.shape);
export type ListNoticesQuery = z.infer<typeof listNoticesQuerySchema>;
export const listNoticesResponseSchema = z.object({ notices: z.array(noticeSchema), nextCursor: nextCursorSchema });
export type ListNoticesResponse = z.infer<typeof listNoticesResponseSchema>;
export const noticeResponseSchema = z.object({ notice: noticeSchema });
export type NoticeResponse = z.infer<typeof noticeResponseSchema>;
