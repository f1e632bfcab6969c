import { type Kysely } from 'kysely';

/**
 * Several server processes on one database:
 * - `signing_keys.private_key_sealed`: an export signing key's private half, encrypted (AES-256-GCM) under a key
 *   from the environment, when the keys are kept in the database rather than in a directory every process shares;
 * - `server_secrets`: the verification server's signing key and code secret, sealed the same way, so every process
 *   signs and checks the same tokens and certificates;
 * - an index on `verification_tokens_used.expires_at`, which every certificate exchange sweeps.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('signing_keys').addColumn('private_key_sealed', 'text').execute();
  await db.schema
    .createTable('server_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('verification_tokens_used_expires_at').on('verification_tokens_used').column('expires_at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('verification_tokens_used_expires_at').execute();
  await db.schema.dropTable('server_secrets').execute();
  await db.schema.alterTable('signing_keys').dropColumn('private_key_sealed').execute();
}
