import type { Kysely } from 'kysely';

/**
 * Audit entries carry the unit of the official who acted, so an administrator reads the entries of their own unit
 * subtree and no others; entries written before are given the actor's present unit. Dates filter the log, so `at`
 * is indexed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('actor_unit_code', 'text').execute();
  const actors = await db.selectFrom('users').select(['id', 'unit_code']).execute();
  for (const actor of actors) {
    await db.updateTable('audit_log').set({ actor_unit_code: actor.unit_code }).where('actor_id', '=', actor.id).execute();
  }
  await db.schema.createIndex('audit_log_actor_unit_code').on('audit_log').column('actor_unit_code').execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
}
