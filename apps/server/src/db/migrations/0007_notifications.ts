import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../database.js';

/**
 * Notifications for officials (a per-user list and its unread count), and the outbox of deliveries to other channels
 * (e-mail, a signed webhook), retried by a job until they go through. Neither holds personal data: a notification
 * says what happened and where to look.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const id = (name: string) => (postgres ? sql.raw(`${name} serial primary key`) : sql.raw(`${name} integer primary key autoincrement`));

  await sql`create table notifications (
    ${id('id')},
    user_id integer not null references users(id) on delete cascade,
    topic text not null,
    params text not null,
    link text,
    created_at text not null,
    read_at text
  )`.execute(db);
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute();
  await db.schema.createIndex('notifications_created_at').on('notifications').column('created_at').execute();

  await sql`create table notification_deliveries (
    ${id('id')},
    channel text not null,
    target text not null,
    payload text not null,
    attempts integer not null default 0,
    next_attempt_at text not null,
    lease_until text,
    delivered_at text,
    last_error text,
    created_at text not null
  )`.execute(db);
  await db.schema.createIndex('notification_deliveries_due').on('notification_deliveries').columns(['delivered_at', 'next_attempt_at']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_deliveries').execute();
  await db.schema.dropTable('notifications').execute();
}
