import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/**
 * The SQL texts of the hot statements, which PostgreSQL parses once on each connection and then only binds and runs.
 * kysely sends every query unnamed, so PostgreSQL parses and analyses each one anew. A text is registered once (a
 * constant, or a shape of QueryShapes, whose texts are few), so the statements a connection keeps are bounded.
 *
 * Each run is still planned for its own parameters (plan_cache_mode = force_custom_plan on every connection): after
 * five runs PostgreSQL may switch a prepared statement to a generic plan, and for the merged statements of concurrent
 * uploads, whose arrays' lengths it then cannot see, that raised PostgreSQL's CPU time an upload by half (0.57 to
 * 0.85–1.1 ms, publish benchmark). Parsing once alone took it to 0.48–0.51 ms.
 */
const names = new Map<string, string>();

/** Marks a SQL text as hot and answers it, so a constant can be declared as `const X = prepared(\`…\`)`. */
export function prepared(text: string): string {
  if (!names.has(text)) names.set(text, `bluezone_${names.size + 1}`);
  return text;
}

/** The name a text runs under as a prepared statement, if it is a hot one. */
export function preparedName(text: string): string | undefined {
  return names.get(text);
}

/**
 * A pool for kysely whose clients run the registered texts as named statements. The wrapper of each pg client is
 * made once and kept, since kysely keeps its own connection object per client it is given.
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  // Queued on the new client before the pool hands it out, so it runs before any statement of ours.
  pool.on('connect', (client) => void client.query('set plan_cache_mode = force_custom_plan').catch(() => undefined));
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    const query = client.query.bind(client) as (text: unknown, values?: readonly unknown[]) => unknown;
    return {
      query: ((text: unknown, values?: readonly unknown[]) => {
        const name = typeof text === 'string' ? names.get(text) : undefined;
        return name === undefined ? query(text, values) : client.query({ name, text: text as string, values: values as unknown[] });
      }) as PostgresPoolClient['query'],
      release: () => client.release(),
    };
  };
  return {
    async connect() {
      const client = await pool.connect();
      let own = wrapped.get(client);
      if (!own) {
        own = wrap(client);
        wrapped.set(client, own);
      }
      return own;
    },
    end: () => pool.end(),
  };
}
