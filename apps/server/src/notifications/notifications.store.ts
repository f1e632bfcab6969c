import type { Locale, Notification, NotificationKind } from '@bluezone/contract';
import { Store } from '../db/transactions.js';

export interface NewNotification {
  userId: number;
  kind: NotificationKind;
  params: Record<string, string | number>;
  link: string | null;
}

/** Who a notification goes to, as the e-mail needs them. */
export interface Addressee {
  id: number;
  email: string | null;
  locale: Locale;
}

export class NotificationsStore extends Store {
  async insert(notifications: readonly NewNotification[], at: Date): Promise<void> {
    if (notifications.length === 0) return;
    await this.db
      .insertInto('notifications')
      .values(notifications.map((n) => ({ user_id: n.userId, kind: n.kind, params: JSON.stringify(n.params), link: n.link, created_at: at.toISOString(), read_at: null })))
      .execute();
  }

  /** Newest first, `limit` of them with an id below `beforeId`. */
  async list(userId: number, unreadOnly: boolean, limit: number, beforeId?: number): Promise<Notification[]> {
    let query = this.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').limit(limit);
    if (unreadOnly) query = query.where('read_at', 'is', null);
    if (beforeId !== undefined) query = query.where('id', '<', beforeId);
    return (await query.execute()).map((r) => ({
      id: Number(r.id),
      kind: r.kind as NotificationKind,
      params: JSON.parse(r.params) as Record<string, string | number>,
      link: r.link,
      createdAt: r.created_at,
      readAt: r.read_at,
    }));
  }

  async countUnread(userId: number): Promise<number> {
    const row = await this.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Marks the user's own notifications read (all of them when `ids` is undefined); others' ids are ignored. */
  async markRead(userId: number, ids: readonly number[] | undefined, at: Date): Promise<void> {
    let query = this.db.updateTable('notifications').set({ read_at: at.toISOString() }).where('user_id', '=', userId).where('read_at', 'is', null);
    if (ids !== undefined) query = query.where('id', 'in', ids.length > 0 ? [...ids] : [0]);
    await query.execute();
  }

  /** The enabled accounts among `userIds`, with their address and language. */
  async addressees(userIds: readonly number[]): Promise<Addressee[]> {
    if (userIds.length === 0) return [];
    const rows = await this.db.selectFrom('users').select(['id', 'email', 'locale']).where('id', 'in', [...userIds]).where('disabled', '=', 0).execute();
    return rows.map((r) => ({ id: Number(r.id), email: r.email, locale: r.locale as Locale }));
  }

  async deleteCreatedBefore(before: Date): Promise<number> {
    const result = await this.db.deleteFrom('notifications').where('created_at', '<', before.toISOString()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
