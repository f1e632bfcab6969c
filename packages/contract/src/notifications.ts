import { z } from 'zod';
import { idSchema, timestampSchema } from './common.js';
import { nextCursorSchema, pageQuerySchema } from './pagination.js';

/**
 * Messages the server leaves for one official, shown in the console (a badge with the unread count and a list). A
 * notification carries a `kind` and its `params`, not finished sentences: each client words it in its reader's
 * language, and a new kind is one line in NOTIFICATION_KINDS and one sentence per language in the console.
 */
export const NOTIFICATION_KINDS = {
  /** A campaign's round deadline is near and the recipient has not submitted. */
  'campaign.deadline_near': { params: ['campaignId', 'roundNo', 'documentNumber', 'roundName', 'deadline'] },
  /** A round's deadline passed and the recipient has not submitted. */
  'campaign.deadline_passed': { params: ['campaignId', 'roundNo', 'documentNumber', 'roundName', 'deadline'] },
  /** A new campaign names the recipient. */
  'campaign.received': { params: ['campaignId', 'documentNumber', 'title'] },
  /** The issuer returned the recipient's report with a comment. */
  'campaign.report_returned': { params: ['campaignId', 'roundNo', 'documentNumber', 'roundName', 'comment'] },
  /** A declaration was routed to the official's unit; `flag` is suspected, arrival or none; `units` the routed codes. */
  'declaration.received': { params: ['declarationId', 'units', 'unitNames', 'unitNamesEn', 'flag'] },
  /** A declaration of the official's unit became a suspected case (a daily check, or new epidemic areas). */
  'declaration.suspected': { params: ['declarationId', 'units', 'unitNames', 'unitNamesEn', 'flag'] },
} as const;
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const notificationKindSchema = z.enum(Object.keys(NOTIFICATION_KINDS) as [NotificationKind, ...NotificationKind[]]);

export const notificationSchema = z.object({
  id: idSchema,
  kind: notificationKindSchema,
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** A console path to open, e.g. /campaigns/3/rounds/1/report. */
  link: z.string().nullable(),
  createdAt: timestampSchema,
  readAt: timestampSchema.nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const listNotificationsQuerySchema = z.object({ unread: z.enum(['true', 'false']).optional() }).extend(pageQuerySchema.shape);
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuerySchema>;

export const listNotificationsResponseSchema = z.object({
  notifications: z.array(notificationSchema),
  /** Unread notifications of this official in all, for the badge. */
  unread: z.number().int(),
  nextCursor: nextCursorSchema,
});
export type ListNotificationsResponse = z.infer<typeof listNotificationsResponseSchema>;

export const unreadCountResponseSchema = z.object({ unread: z.number().int() });
