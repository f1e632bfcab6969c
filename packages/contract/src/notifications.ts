import { z } from 'zod';
import { bilingual } from './bilingual.js';
import { idSchema, timestampSchema } from './common.js';
import { nextCursorSchema, pageQuerySchema } from './pagination.js';

/**
 * Notifications for officials: a per-user list and the count of unread ones (the console's badge). A notification
 * carries no personal data, only what happened and where to look: the console words it from `topic` and `params`.
 */
export const NOTIFICATION_TOPICS = ['declaration.received', 'declaration.suspected'] as const;
export const notificationTopicSchema = z.enum(NOTIFICATION_TOPICS);
export type NotificationTopic = z.infer<typeof notificationTopicSchema>;

export const notificationSchema = z.object({
  id: idSchema,
  topic: notificationTopicSchema,
  /** Small facts to word the notification: ids, unit codes, flags; never a name or a telephone. */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** Console path to open, e.g. `/to-khai/12`. */
  link: z.string().nullable(),
  createdAt: timestampSchema,
  readAt: timestampSchema.nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const listNotificationsQuerySchema = z
  .object({ unread: z.enum(['true', 'false']).optional().describe(bilingual('true: chỉ thông báo chưa đọc', 'true: unread only')) })
  .extend(pageQuerySchema.shape);
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuerySchema>;

export const listNotificationsResponseSchema = z.object({ notifications: z.array(notificationSchema), nextCursor: nextCursorSchema, unread: z.number().int() });
export type ListNotificationsResponse = z.infer<typeof listNotificationsResponseSchema>;

export const unreadCountResponseSchema = z.object({ unread: z.number().int() });
export type UnreadCountResponse = z.infer<typeof unreadCountResponseSchema>;

export const markNotificationsReadRequestSchema = z
  .object({
    ids: z.array(idSchema).min(1).max(500).optional().describe(bilingual('Các thông báo đã đọc', 'Notifications read')),
    all: z.literal(true).optional().describe(bilingual('Đánh dấu tất cả đã đọc', 'Mark every notification read')),
  })
  .strict()
  .refine((value) => (value.ids === undefined) !== (value.all === undefined), { message: 'give ids or all, one of them' });
export type MarkNotificationsReadRequest = z.infer<typeof markNotificationsReadRequestSchema>;
