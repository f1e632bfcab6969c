import type { Kysely } from 'kysely';

/**
 * A diacritic-free search column for officials, as units have: an administrator typing "le van" finds "Lê Văn Nam".
 * Existing rows are filled here with the same normalisation the store applies on every write.
 */
/**
 * The normalisation of 2026-11 (platform/search-text.ts), frozen here: a migration must give the same result whatever
 * the live code later becomes, so it never imports it.
 */
function userSearchText(username: string, displayName: string): string {
  return `${username} ${displayName}`
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('search_text', 'text', (c) => c.notNull().defaultTo('')).execute();
  const users = await db.selectFrom('users').select(['id', 'username', 'display_name']).execute();
  for (const user of users) {
    await db
      .updateTable('users')
      .set({ search_text: userSearchText(user.username, user.display_name) })
      .where('id', '=', user.id)
      .execute();
  }
}
