import type { Role } from '@bluezone/contract';
import { sql } from 'kysely';
import { Store } from '../db/transactions.js';
import type { Delivery, DeliveryChannel, Notification, NotificationParams, NotificationTopic } from './notifications.model.js';
import type { NotificationsRepository } from './notifications.service.js';

export class NotificationsStore extends Store implements NotificationsRepository {
  /** One row per enabled official of these roles whose own unit is one of these: a single insert … select. */
  async insertForUnits(units: readonly string[], roles: readonly Role[], topic: NotificationTopic, params: NotificationParams, link: string | null, at: Date): Promise<number> {
    if (units.length === 0 || roles.length === 0) return 0;
    const result = await this.db
      .insertInto('notifications')
      .columns(['user_id', 'topic', 'params', 'link', 'created_at'])
      .expression((eb) =>
        eb
          .selectFrom('users')
          .select([
            'id',
            sql<string>`cast(${topic} as text)`.as('topic'),
            sql<string>`cast(${JSON.stringify(params)} as text)`.as('params'),
            sql<string | null>`cast(${link} as text)`.as('link'),
            sql<string>`cast(${at.toISOString()} as text)`.as('created_at'),
          ])
          .where('unit_code', 'in', units)
          .where('role', 'in', roles)
          .where('disabled', '=', 0),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  }

  async list(userId: number, unreadOnly: boolean, limit: number, beforeId?: number): Promise<Notification[]> {
    let query = this.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').limit(limit);
    if (unreadOnly) query = query.where('read_at', 'is', null);
    if (beforeId !== undefined) query = query.where('id', '<', beforeId);
    return (await query.execute()).map((r) => ({
      id: Number(r.id),
      topic: r.topic as NotificationTopic,
      params: JSON.parse(r.params) as NotificationParams,
      link: r.link,
      createdAt: r.created_at,
      readAt: r.read_at,
    }));
  }

  async unreadCount(userId: number): Promise<number> {
    const row = await this.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async markRead(userId: number, ids: readonly number[] | 'all', at: Date): Promise<void> {
    let query = this.db.updateTable('notifications').set({ read_at: at.toISOString() }).where('user_id', '=', userId).where('read_at', 'is', null);
    if (ids !== 'all') query = query.where('id', 'in', ids);
    await query.execute();
  }

  async deleteOlderThan(cutoff: Date): Promise<number> {
    const notifications = await this.db.deleteFrom('notifications').where('created_at', '<', cutoff.toISOString()).executeTakeFirst();
    await this.db.deleteFrom('notification_deliveries').where('created_at', '<', cutoff.toISOString()).execute();
    return Number(notifications.numDeletedRows);
  }

  async enqueue(channel: DeliveryChannel, target: string, payload: object, at: Date): Promise<void> {
    await this.db
      .insertInto('notification_deliveries')
      .values({ channel, target, payload: JSON.stringify(payload), next_attempt_at: at.toISOString(), created_at: at.toISOString() })
      .execute();
  }

  /** Takes up to `limit` due deliveries for this process until `leaseUntil`; another process skips them meanwhile. */
  async claimDue(now: Date, leaseUntil: Date, maxAttempts: number, limit: number): Promise<Delivery[]> {
    const due = await this.db
      .selectFrom('notification_deliveries')
      .selectAll()
      .where('delivered_at', 'is', null)
      .where('next_attempt_at', '<=', now.toISOString())
      .where('attempts', '<', maxAttempts)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now.toISOString())]))
      .orderBy('id')
      .limit(limit)
      .execute();
    const claimed: Delivery[] = [];
    for (const row of due) {
      const taken = await this.db
        .updateTable('notification_deliveries')
        .set({ lease_until: leaseUntil.toISOString() })
        .where('id', '=', row.id)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now.toISOString())]))
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) === 1) {
        claimed.push({ id: Number(row.id), channel: row.channel as DeliveryChannel, target: row.target, payload: JSON.parse(row.payload) as Delivery['payload'], attempts: Number(row.attempts) });
      }
    }
    return claimed;
  }

  async markDelivered(id: number, at: Date): Promise<void> {
    await this.db
      .updateTable('notification_deliveries')
      .set((eb) => ({ delivered_at: at.toISOString(), lease_until: null, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }

  async markFailed(id: number, nextAttemptAt: Date, error: string): Promise<void> {
    await this.db
      .updateTable('notification_deliveries')
      .set((eb) => ({ next_attempt_at: nextAttemptAt.toISOString(), lease_until: null, last_error: error.slice(0, 500), attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }
}
