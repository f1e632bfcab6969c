import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../database.js';

/**
 * Campaign reporting, after DHIS2's data sets: a campaign (the directive) is assigned to recipients (units and
 * agencies, the denominator of completeness), has rounds (periods with a deadline), and each recipient files one
 * report per round, reviewed by the issuer. Indicator values sit in a table of their own so totals are SQL sums on
 * both databases. Also: the link of a user to the agency they report for, their e-mail and phone (reminders and
 * contacts), the per-user notification list, and the reminders already sent (never twice).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const id = (name: string) => (postgres ? sql.raw(`${name} serial primary key`) : sql.raw(`${name} integer primary key autoincrement`));

  await db.schema.alterTable('users').addColumn('agency_id', 'integer', (c) => c.references('agencies.id')).execute();
  await db.schema.alterTable('users').addColumn('email', 'text').execute();
  await db.schema.alterTable('users').addColumn('phone', 'text').execute();
  await db.schema.createIndex('users_agency_id').on('users').column('agency_id').execute();

  await sql`create table notifications (
    ${id('id')},
    user_id integer not null references users(id) on delete cascade,
    kind text not null,
    params text not null,
    link text,
    created_at text not null,
    read_at text
  )`.execute(db);
  await db.schema.createIndex('notifications_user_id').on('notifications').columns(['user_id', 'id']).execute();

  await sql`create table campaigns (
    ${id('id')},
    document_number text not null,
    title text not null,
    issued_on text not null,
    issuing_body text not null,
    unit_code text not null references units(code),
    body text not null,
    indicators text not null,
    header text not null,
    recipient_picks text not null,
    created_by integer references users(id),
    created_at text not null,
    updated_at text not null
  )`.execute(db);
  await db.schema.createIndex('campaigns_unit_code').on('campaigns').column('unit_code').execute();

  // A recipient is a unit or an agency; home_unit_code is the unit itself or the agency's unit (for roll-ups).
  await sql`create table campaign_recipients (
    ${id('id')},
    campaign_id integer not null references campaigns(id) on delete cascade,
    unit_code text references units(code),
    agency_id integer references agencies(id),
    home_unit_code text not null references units(code),
    received_at text,
    unique (campaign_id, unit_code),
    unique (campaign_id, agency_id),
    check ((unit_code is null) <> (agency_id is null))
  )`.execute(db);
  await db.schema.createIndex('campaign_recipients_unit_code').on('campaign_recipients').column('unit_code').execute();
  await db.schema.createIndex('campaign_recipients_agency_id').on('campaign_recipients').column('agency_id').execute();

  await sql`create table campaign_rounds (
    ${id('id')},
    campaign_id integer not null references campaigns(id) on delete cascade,
    round_no integer not null,
    name text not null,
    period_start text,
    period_end text not null,
    deadline text not null,
    deadline_at text not null,
    closed_at text,
    created_at text not null,
    unique (campaign_id, round_no)
  )`.execute(db);

  await sql`create table campaign_reports (
    ${id('id')},
    round_id integer not null references campaign_rounds(id) on delete cascade,
    recipient_id integer not null references campaign_recipients(id) on delete cascade,
    status text not null,
    staff_total integer,
    staff_installed integer,
    proposals text,
    submitted_at text,
    late integer not null default 0,
    review_comment text,
    reviewed_at text,
    reviewed_by integer references users(id),
    created_at text not null,
    updated_at text not null,
    updated_by integer references users(id),
    unique (round_id, recipient_id)
  )`.execute(db);
  await db.schema.createIndex('campaign_reports_round_status').on('campaign_reports').columns(['round_id', 'status']).execute();

  await sql`create table campaign_report_values (
    report_id integer not null references campaign_reports(id) on delete cascade,
    indicator text not null,
    quantity integer not null,
    percent double precision,
    note text,
    primary key (report_id, indicator)
  )`.execute(db);

  await sql`create table campaign_attachments (
    ${id('id')},
    campaign_id integer not null references campaigns(id) on delete cascade,
    file_name text not null,
    content_type text not null,
    bytes integer not null,
    sha256 text not null,
    storage_name text not null,
    created_by integer references users(id),
    created_at text not null
  )`.execute(db);

  // One row per reminder sent: the key makes a second send of the same kind impossible, even from two processes.
  await sql`create table campaign_reminders (
    round_id integer not null references campaign_rounds(id) on delete cascade,
    recipient_id integer not null references campaign_recipients(id) on delete cascade,
    kind text not null,
    sent_at text not null,
    notified integer not null,
    emailed integer not null,
    primary key (round_id, recipient_id, kind)
  )`.execute(db);
}
