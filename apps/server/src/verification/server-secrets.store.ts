import { Store } from '../db/transactions.js';

/** `server_secrets` (migration 0008): secrets every server process shares, sealed (platform/sealed-box.ts). */
export class ServerSecretsStore extends Store {
  /**
   * The sealed value stored under `name`, stored first from `create()` when there is none. Processes starting at
   * the same moment all end up with the first one stored.
   */
  async getOrCreate(name: string, create: () => string, now: Date): Promise<string> {
    const existing = await this.db.selectFrom('server_secrets').select('sealed').where('name', '=', name).executeTakeFirst();
    if (existing) return existing.sealed;
    await this.db
      .insertInto('server_secrets')
      .values({ name, sealed: create(), created_at: now.toISOString() })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const row = await this.db.selectFrom('server_secrets').select('sealed').where('name', '=', name).executeTakeFirstOrThrow();
    return row.sealed;
  }
}
