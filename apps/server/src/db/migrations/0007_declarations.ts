import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../database.js';

/**
 * Health declarations, the epidemic areas they are screened against, each unit's health station, and the outbox of
 * the declarations webhook.
 *
 * A declaration is personal health data: it lives in `declarations` and the tables that hang from it (its visits, its
 * follow-up events, its daily checks, its routes), all deleted with it when its retention ends. Nothing here refers to
 * the key server's tables (codes, tokens, keys), and no client address is stored.
 *
 * `declaration_routes` is the scope index: one row per unit a declaration is routed to, with the flags and status
 * copied from the declaration, so a unit's queue (suspected first, newest first) is one indexed range however many
 * declarations the province holds. `primary_unit_code` (the residence) lets a list over a subtree holding both of a
 * declaration's units show it once.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const id = (name: string) => (postgres ? sql.raw(`${name} serial primary key`) : sql.raw(`${name} integer primary key autoincrement`));

  // unit_code is any official unit of Vietnam or of this tree, so it has no foreign key to units.
  await sql`create table epidemic_areas (
    ${id('id')},
    name text not null,
    unit_code text,
    place text,
    place_search text,
    from_day text not null,
    to_day text,
    reason text,
    created_by integer references users(id),
    created_at text not null,
    updated_at text not null
  )`.execute(db);
  await db.schema.createIndex('epidemic_areas_from_day').on('epidemic_areas').column('from_day').execute();

  await sql`create table declarations (
    ${id('id')},
    receipt text not null unique,
    kind text not null,
    full_name text not null,
    year_of_birth integer not null,
    gender text not null,
    nationality text,
    id_number text,
    phone text not null,
    email text,
    residence_unit_code text not null references units(code),
    residence_address text not null,
    declared_by text,
    symptoms text not null,
    other_symptom text,
    contact_case integer not null,
    contact_arrival integer not null,
    contact_fever integer not null,
    chronic_conditions text,
    warned_by_app integer,
    entry text,
    suspected integer not null,
    arrival integer not null,
    reasons text not null,
    rule text not null,
    monitoring_until text,
    status text not null,
    next_follow_up text,
    declared_at text not null,
    declared_day text not null,
    receipt_expires_at text not null,
    updated_at text not null
  )`.execute(db);
  // Retention deletes by age.
  await db.schema.createIndex('declarations_declared_at').on('declarations').column('declared_at').execute();

  await sql`create table declaration_routes (
    declaration_id integer not null references declarations(id) on delete cascade,
    unit_code text not null references units(code),
    primary_unit_code text not null,
    priority integer not null,
    suspected integer not null,
    arrival integer not null,
    status text not null,
    declared_at text not null,
    declared_day text not null,
    primary key (declaration_id, unit_code)
  )`.execute(db);
  await db.schema
    .createIndex('declaration_routes_queue')
    .on('declaration_routes')
    // The filters (status, flags) are in it too, so a filtered queue is read from the index alone.
    .columns(['unit_code', 'priority', 'declared_at', 'declaration_id', 'status', 'suspected', 'arrival'])
    .execute();
  await db.schema.createIndex('declaration_routes_day').on('declaration_routes').columns(['unit_code', 'declared_day']).execute();

  await sql`create table declaration_visits (
    ${id('id')},
    declaration_id integer not null references declarations(id) on delete cascade,
    position integer not null,
    unit_code text,
    place text,
    place_search text,
    from_day text not null,
    to_day text not null
  )`.execute(db);
  await db.schema.createIndex('declaration_visits_declaration').on('declaration_visits').column('declaration_id').execute();
  // Screening again after an area changes looks visits up by place and day.
  await db.schema.createIndex('declaration_visits_unit').on('declaration_visits').columns(['unit_code', 'to_day']).execute();
  await db.schema.createIndex('declaration_visits_to_day').on('declaration_visits').column('to_day').execute();

  await sql`create table declaration_events (
    ${id('id')},
    declaration_id integer not null references declarations(id) on delete cascade,
    at text not null,
    actor_id integer,
    actor_name text,
    kind text not null,
    from_status text,
    to_status text,
    note text,
    next_follow_up text
  )`.execute(db);
  await db.schema.createIndex('declaration_events_declaration').on('declaration_events').column('declaration_id').execute();

  await sql`create table declaration_checks (
    declaration_id integer not null references declarations(id) on delete cascade,
    day text not null,
    symptoms text not null,
    note text,
    at text not null,
    actor_id integer,
    actor_name text,
    primary key (declaration_id, day)
  )`.execute(db);

  await sql`create table health_stations (
    unit_code text primary key references units(code),
    phone text,
    updated_by integer references users(id),
    updated_at text not null
  )`.execute(db);

  // The webhook's outbox: written with the declaration, sent after, retried until the receiver takes it.
  await sql`create table declaration_webhooks (
    ${id('id')},
    event text not null,
    body text not null,
    attempts integer not null default 0,
    next_attempt_at text not null,
    lease_until text,
    delivered_at text,
    last_error text,
    created_at text not null
  )`.execute(db);
  await db.schema.createIndex('declaration_webhooks_due').on('declaration_webhooks').columns(['delivered_at', 'next_attempt_at']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['declaration_webhooks', 'health_stations', 'declaration_checks', 'declaration_events', 'declaration_visits', 'declaration_routes', 'declarations', 'epidemic_areas']) {
    await db.schema.dropTable(table).execute();
  }
}
