import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { checkpointInBackground, openSqlite } from './database.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// SQLite's checkpoints run in a worker thread, not inside the server's commits (database.ts, startCheckpointer).
it('copies committed pages into the database file in the background, the writer never checkpointing itself', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bluezone-checkpoint-'));
  dirs.push(dir);
  const file = path.join(dir, 'test.sqlite');
  const db = openSqlite(file);
  try {
    // A one-shot command's connection checkpoints itself, as SQLite does by default.
    expect((await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db)).rows[0]!.wal_autocheckpoint).toBe(1000);
    checkpointInBackground(db);
    expect((await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db)).rows[0]!.wal_autocheckpoint).toBe(10000);
    await sql`create table t (x blob)`.execute(db);
    const before = statSync(file).size;
    // About 500 pages, far below the writer's own threshold of 10,000.
    for (let i = 0; i < 20; i++) await sql`insert into t select randomblob(100000)`.execute(db);
    for (let waited = 0; statSync(file).size < before + 1_500_000 && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statSync(file).size).toBeGreaterThan(before + 1_500_000);
    expect((await sql<{ n: number }>`select count(*) as n from t`.execute(db)).rows[0]!.n).toBe(20);
  } finally {
    await db.destroy();
  }
});
