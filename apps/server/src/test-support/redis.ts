import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe } from 'vitest';

/**
 * Redis for the tests that need it (rate limits across processes): REDIS_URL, as .ci/run exports it. Without it the
 * suites are skipped with the reason printed; with CI=true an unreachable Redis fails the run, as PostgreSQL does.
 */
export const redisUrl = process.env.REDIS_URL?.trim() || undefined;

async function redisReachable(url: string): Promise<string | undefined> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    client.disconnect();
  }
}

const unreachable = redisUrl ? await redisReachable(redisUrl) : undefined;
if (process.env.CI === 'true' && (!redisUrl || unreachable)) {
  throw new Error(`CI needs Redis for the rate-limit tests: ${redisUrl ? `unreachable (${unreachable})` : 'REDIS_URL is not set'}`);
}
export const redisSkipReason = !redisUrl ? 'REDIS_URL is not set' : unreachable ? `Redis at REDIS_URL is unreachable (${unreachable})` : undefined;

/** Runs `suite` with Redis, or skips it with the reason printed. */
export function describeWithRedis(title: string, suite: (url: string) => void): void {
  if (redisSkipReason) {
    console.info(`skipping "${title}": ${redisSkipReason}`);
    describe.skip(`${title} (skipped: ${redisSkipReason})`, () => suite(''));
  } else {
    describe(title, () => suite(redisUrl!));
  }
}

/** A key prefix no other run uses, so parallel runs on one Redis never share counts. */
export const testRedisPrefix = (): string => `bz_test_${randomBytes(6).toString('hex')}`;
