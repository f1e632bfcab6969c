// What the server's benchmarks share: reading their flags, running a task many times a few at a time, and a
// scratch PostgreSQL database. Each benchmark stays one file a reader can follow; only these pieces repeat.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { parseArgs } from 'node:util';
import pg from 'pg';

/**
 * The benchmark's flags (node:util parseArgs, strict): `--help` prints `usage` and exits; an unknown flag or one
 * without its value prints the error and `usage` and exits with code 2, before anything is set up. Every option is
 * declared as in parseArgs; numbers are read from their strings with numberOption.
 */
export function benchArgs(usage, options) {
  try {
    const { values } = parseArgs({ args: process.argv.slice(2), options: { help: { type: 'boolean' }, ...options }, strict: true, allowPositionals: false });
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    }
    return values;
  } catch (error) {
    process.stderr.write(`${error.message}\nusage: ${usage}\n`);
    process.exit(2);
  }
}

/** The number given for `name`, or `fallback` when the flag is absent (NaN when it is not a number: callers check). */
export function numberOption(values, name, fallback) {
  return values[name] === undefined ? fallback : Number(values[name]);
}

/**
 * Runs `task(i)` for i in 0..count-1, `concurrency` at a time; returns the seconds it took. With `latencies`, each
 * task's own milliseconds are pushed onto it, in the order they finish.
 */
export async function timed(count, concurrency, task, latencies) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const begun = performance.now();
        await task(next++);
        latencies?.push(performance.now() - begun);
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

/** The p-th percentile (0–100) of `values` by the nearest-rank method; NaN when there are none. */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The PostgreSQL the benchmarks use: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server. */
export const postgresBaseUrl = () => process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Runs `fn(url)` on a new database, created for it and dropped afterwards. When PostgreSQL cannot be reached, answers
 * `{ database: 'postgres', skipped }` with the reason instead, so a benchmark still prints its SQLite figures.
 */
export async function withPostgres(fn) {
  const url = postgresBaseUrl();
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    return { database: 'postgres', skipped: `unreachable: ${error.message}` };
  }
  const name = `bz_bench_${randomBytes(5).toString('hex')}`;
  await admin.query(`create database ${name}`);
  try {
    const target = new URL(url);
    target.pathname = `/${name}`;
    return await fn(target.toString());
  } finally {
    await admin.query(`drop database ${name} with (force)`).catch(() => undefined);
    await admin.end();
  }
}

/**
 * POSTs JSON with node:http on a kept-alive `agent` and answers the parsed body; anything but 200 rejects with the
 * route, status and body. Not fetch: fetch cost a client's thread about three times the CPU per request (measured
 * with --cpu-prof), enough to make the load generator, not the server, the bottleneck.
 */
export function postJson(agent, base, route, body) {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}${route}`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (response.statusCode !== 200) reject(new Error(`${route}: ${response.statusCode} ${text}`));
        else resolve(JSON.parse(text));
      });
    });
    request.on('error', reject);
    request.end(payload);
  });
}

/**
 * Runs `run(database, env)` on SQLite, then on a scratch PostgreSQL (see withPostgres), printing each result with
 * `print` as soon as it is known (fills take minutes; a skipped PostgreSQL prints its reason), or all of them as one
 * JSON array at the end with `json`. Answers the results.
 */
export async function onBothDatabases(run, print, json) {
  const results = [];
  for (const measure of [() => run('sqlite', {}), () => withPostgres((url) => run('postgres', { DATABASE_URL: url }))]) {
    const result = await measure();
    results.push(result);
    if (json) continue;
    if (result.skipped) process.stdout.write(`${result.database}: skipped (${result.skipped})\n`);
    else print(result);
  }
  if (json) process.stdout.write(`${JSON.stringify(results)}\n`);
  return results;
}
