import { sql, type Kysely } from 'kysely';

/**
 * `exposures_revised_at` only for the keys that were revised. The export finds revised keys by `revised_at` in a
 * window, which only a revised key matches, so an index of those alone serves it (both databases use a partial
 * index for a range on its column: the range implies "is not null"). Every publish inserted its keys' null into the
 * full index, a fourth of the index work of the upload's biggest write, for keys almost never revised.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('exposures_revised_at').execute();
  await sql`create index exposures_revised_at on exposures (revised_at) where revised_at is not null`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('exposures_revised_at').execute();
  await db.schema.createIndex('exposures_revised_at').on('exposures').column('revised_at').execute();
}
