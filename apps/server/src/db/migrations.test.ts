import { readdirSync, readFileSync } from 'node:fs';
import type { Migration } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openSqlite } from './database.js';
import { migrateToLatest } from './migrate.js';

describe('migrations', () => {
  it('import nothing but kysely and the database helpers: never live model code, which changes after they ship', () => {
    const dir = new URL('./migrations/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(4);
    for (const file of files) {
      const imports = [...readFileSync(new URL(file, dir), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect(imports.filter((source) => source !== 'kysely' && source !== '../database.js'), file).toEqual([]);
    }
  });

  it('run a reserved number that lands after a higher one has run, instead of refusing to start', async () => {
    const db = openSqlite(':memory:');
    const table = (name: string): Migration => ({ up: async (k) => void (await k.schema.createTable(name).addColumn('id', 'integer').execute()) });
    try {
      expect(await migrateToLatest(db, { '0001_a': table('a'), '0009_c': table('c') })).toEqual(['0001_a', '0009_c']);
      expect(await migrateToLatest(db, { '0001_a': table('a'), '0006_b': table('b'), '0009_c': table('c') })).toEqual(['0006_b']);
      expect((await db.introspection.getTables()).map((t) => t.name).sort()).toEqual(['a', 'b', 'c']);
    } finally {
      await db.destroy();
    }
  });
});
