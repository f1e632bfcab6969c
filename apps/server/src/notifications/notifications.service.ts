import type { ListNotificationsQuery, ListNotificationsResponse, User } from '@bluezone/contract';
import { decodeCursor, pageOf } from '../db/keyset.js';
import type { Clock } from '../platform/platform.js';
import type { NotificationMessage, Notifier, NotifyResult } from '../platform/notifier.js';
import type { Mailer } from './mailer.js';
import type { NotificationsStore } from './notifications.store.js';

/** Each official's list of notifications, and the e-mail that goes with them when SMTP is configured. */
export class NotificationsService implements Notifier {
  constructor(
    private readonly store: NotificationsStore,
    private readonly mailer: Mailer | undefined,
    private readonly clock: Clock,
    private readonly retentionSeconds: number,
  ) {}

  get emailEnabled(): boolean {
    return this.mailer !== undefined;
  }

  async list(viewer: User, query: ListNotificationsQuery): Promise<ListNotificationsResponse> {
    const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor, ['number'] as const)[0];
    const rows = await this.store.list(viewer.id, query.unread === 'true', query.limit + 1, before);
    const page = pageOf(rows, query.limit, (n) => [n.id]);
    return { notifications: page.items, unread: await this.store.countUnread(viewer.id), nextCursor: page.nextCursor };
  }

  async markRead(viewer: User, ids: readonly number[] | undefined): Promise<{ unread: number }> {
    await this.store.markRead(viewer.id, ids, this.clock.now());
    return { unread: await this.store.countUnread(viewer.id) };
  }

  /**
   * Writes the message to every enabled account among `userIds`, then e-mails those with an address. The console list
   * is the record: a failed e-mail is counted (the caller's job logs the count), never retried here, and never undoes
   * the notification. Nothing about the address is logged: it is personal data.
   */
  async notify(userIds: readonly number[], message: NotificationMessage): Promise<NotifyResult> {
    const addressees = await this.store.addressees([...new Set(userIds)]);
    await this.store.insert(
      addressees.map((a) => ({ userId: a.id, kind: message.kind, params: message.params, link: message.link ?? null })),
      this.clock.now(),
    );
    let emailed = 0;
    let emailFailures = 0;
    if (this.mailer && message.email) {
      for (const addressee of addressees) {
        if (addressee.email === null) continue;
        try {
          await this.mailer.send({ to: addressee.email, ...message.email(addressee.locale) });
          emailed++;
        } catch {
          emailFailures++;
        }
      }
    }
    return { notified: addressees.length, emailed, emailFailures };
  }

  /** Drops notifications older than the retention; run daily. */
  async sweep(): Promise<{ deleted: number } | void> {
    const deleted = await this.store.deleteCreatedBefore(new Date(this.clock.now().getTime() - this.retentionSeconds * 1000));
    if (deleted > 0) return { deleted };
  }

  close(): void {
    this.mailer?.close();
  }
}
