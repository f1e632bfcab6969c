import type { ListNotificationsQuery, ListNotificationsResponse, MarkNotificationsReadRequest, Role, User } from '@bluezone/contract';
import { decodeCursor, encodeCursor } from '../db/keyset.js';
import type { Clock } from '../platform/platform.js';
import type { NotificationsConfig } from './notifications.config.js';
import {
  retryDelaySeconds,
  type Channel,
  type Delivery,
  type DeliveryChannel,
  type Notification,
  type NotificationParams,
  type NotificationTopic,
  type UnitNotification,
} from './notifications.model.js';

export interface NotificationsRepository {
  insertForUnits(units: readonly string[], roles: readonly Role[], topic: NotificationTopic, params: NotificationParams, link: string | null, at: Date): Promise<number>;
  list(userId: number, unreadOnly: boolean, limit: number, beforeId?: number): Promise<Notification[]>;
  unreadCount(userId: number): Promise<number>;
  markRead(userId: number, ids: readonly number[] | 'all', at: Date): Promise<void>;
  deleteOlderThan(cutoff: Date): Promise<number>;
  enqueue(channel: DeliveryChannel, target: string, payload: object, at: Date): Promise<void>;
  claimDue(now: Date, leaseUntil: Date, maxAttempts: number, limit: number): Promise<Delivery[]>;
  markDelivered(id: number, at: Date): Promise<void>;
  markFailed(id: number, nextAttemptAt: Date, error: string): Promise<void>;
}

export interface DeliveryLog {
  warn(object: object, message: string): void;
}

/**
 * Officials' notifications: a row per official in their console list (the badge counts the unread ones), and, when
 * configured, an e-mail to the unit's address and a signed webhook, kept in an outbox and retried until delivered.
 */
export class NotificationsService {
  private delivering: Promise<{ delivered: number; failed: number }> | undefined;

  constructor(
    private readonly store: NotificationsRepository,
    private readonly channels: Partial<Record<DeliveryChannel, Channel>>,
    private readonly config: Pick<NotificationsConfig, 'webhookUrl' | 'publicUrl' | 'retentionSeconds' | 'maxAttempts'>,
    private readonly clock: Clock,
    private readonly log: DeliveryLog = { warn: () => undefined },
  ) {}

  /** Writes the notifications and queues their deliveries; call inside the change's transaction, then `deliverSoon()`. */
  async notifyUnits(notification: UnitNotification): Promise<void> {
    const now = this.clock.now();
    await this.store.insertForUnits(notification.units, notification.roles, notification.topic, notification.params, notification.link, now);
    const link = this.absolute(notification.link);
    if (this.channels.email) {
      const text = link === null ? notification.message.text : `${notification.message.text}\n\n${link}`;
      for (const address of new Set(notification.emails)) await this.store.enqueue('email', address, { subject: notification.message.subject, text }, now);
    }
    if (this.channels.webhook && this.config.webhookUrl) {
      const body = JSON.stringify({ event: notification.topic, occurredAt: now.toISOString(), data: { ...notification.params, units: notification.units, link } });
      await this.store.enqueue('webhook', this.config.webhookUrl, { event: notification.topic, body }, now);
    }
  }

  /** Sends what is due now, in the background; a run already going picks new rows up on its next sweep. */
  deliverSoon(): void {
    // Without a channel nothing is ever queued: no query to run.
    if (!this.channels.email && !this.channels.webhook) return;
    void this.deliverDue().catch((error: unknown) => this.log.warn({ err: error }, 'notification delivery failed'));
  }

  /** Sends every delivery that is due; runs never overlap within a process (the outbox lease covers other processes). */
  deliverDue(): Promise<{ delivered: number; failed: number }> {
    if (!this.delivering) this.delivering = this.sweep().finally(() => (this.delivering = undefined));
    return this.delivering;
  }

  async list(viewer: User, query: ListNotificationsQuery): Promise<ListNotificationsResponse> {
    const beforeId = query.cursor === undefined ? undefined : decodeCursor(query.cursor, ['number'] as const)[0];
    const rows = await this.store.list(viewer.id, query.unread === 'true', query.limit + 1, beforeId);
    const notifications = rows.slice(0, query.limit);
    const last = notifications.at(-1);
    return { notifications, nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null, unread: await this.store.unreadCount(viewer.id) };
  }

  unread(viewer: User): Promise<number> {
    return this.store.unreadCount(viewer.id);
  }

  async markRead(viewer: User, request: MarkNotificationsReadRequest): Promise<number> {
    await this.store.markRead(viewer.id, request.all ? 'all' : (request.ids ?? []), this.clock.now());
    return this.store.unreadCount(viewer.id);
  }

  /** Notifications and outbox rows past their retention leave the database. */
  purge(): Promise<number> {
    return this.store.deleteOlderThan(new Date(this.clock.now().getTime() - this.config.retentionSeconds * 1000));
  }

  private async sweep(): Promise<{ delivered: number; failed: number }> {
    let delivered = 0;
    let failed = 0;
    for (;;) {
      const now = this.clock.now();
      const batch = await this.store.claimDue(now, new Date(now.getTime() + 60_000), this.config.maxAttempts, 50);
      if (batch.length === 0) return { delivered, failed };
      for (const delivery of batch) {
        const channel = this.channels[delivery.channel];
        try {
          if (!channel) throw new Error(`the ${delivery.channel} channel is not configured`);
          await channel.send(delivery);
          await this.store.markDelivered(delivery.id, this.clock.now());
          delivered++;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const next = new Date(this.clock.now().getTime() + retryDelaySeconds(delivery.attempts + 1) * 1000);
          await this.store.markFailed(delivery.id, next, message);
          this.log.warn({ delivery: delivery.id, channel: delivery.channel, attempt: delivery.attempts + 1, error: message }, 'notification delivery failed; will retry');
          failed++;
        }
      }
    }
  }

  private absolute(link: string | null): string | null {
    if (link === null) return null;
    return this.config.publicUrl ? `${this.config.publicUrl}${link}` : link;
  }
}
