import { z } from 'zod';
import { idSchema, timestampSchema, unitCodeSchema } from './common.js';

/**
 * Notices: short messages that health officers and campaign issuers publish from the console to every citizen's
 * app (an inbox, as the 2020 Bluezone app had). Written in Vietnamese, with an optional English version; retired
 * notices leave the app's list. The app fetches them anonymously; nothing about the reader is recorded.
 */
const titleSchema = z.string().trim().min(1).max(120);
const bodySchema = z.string().trim().min(1).max(4000);

export const createNoticeRequestSchema = z.object({
  title: titleSchema,
  body: bodySchema,
  titleEn: titleSchema.optional(),
  bodyEn: bodySchema.optional(),
});
export type CreateNoticeRequest = z.infer<typeof createNoticeRequestSchema>;

/** A notice as the app shows it. `publisher` is the name of the author's unit, never the author. */
export const publicNoticeSchema = z.object({
  id: idSchema,
  title: z.string(),
  body: z.string(),
  titleEn: z.string().nullable(),
  bodyEn: z.string().nullable(),
  publisher: z.string(),
  publishedAt: timestampSchema,
});
export type PublicNotice = z.infer<typeof publicNoticeSchema>;
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
export const listNoticesResponseSchema = z.object({ notices: z.array(noticeSchema) });
export type ListNoticesResponse = z.infer<typeof listNoticesResponseSchema>;
export const noticeResponseSchema = z.object({ notice: noticeSchema });
export type NoticeResponse = z.infer<typeof noticeResponseSchema>;
