import { afterAll, describe, expect, it } from 'vitest';
import { describeWithRedis, testRedisPrefix } from '../test-support/redis.js';
import { fakeClock } from './platform.js';
import { MemoryRateLimiter } from './rate-limiter.js';
import { redisRateLimiters, type RedisRateLimiters } from './redis-rate-limiters.js';

describe('MemoryRateLimiter', () => {
  it('allows the limit per window and per key', async () => {
    const clock = fakeClock();
    const limiter = new MemoryRateLimiter(2, 60, clock);
    expect([await limiter.attempt('a'), await limiter.attempt('a'), await limiter.attempt('a'), await limiter.attempt('b')]).toEqual([true, true, false, true]);
    clock.advance(60);
    expect(await limiter.attempt('a')).toBe(true);
  });
});

describeWithRedis('Redis rate limits', (url) => {
  const opened: RedisRateLimiters[] = [];
  const open = async (prefix: string) => {
    const limiters = redisRateLimiters(url, prefix);
    opened.push(limiters);
    await limiters.ready();
    return limiters;
  };
  afterAll(async () => {
    for (const limiters of opened) await limiters.close();
  });

  it('counts one limit across two processes (two clients), per key and per name', async () => {
    const prefix = testRedisPrefix();
    const [a, b] = [(await open(prefix)).create('verify', 3, 60), (await open(prefix)).create('verify', 3, 60)];
    const attempts = [await a.attempt('10.0.0.1'), await b.attempt('10.0.0.1'), await a.attempt('10.0.0.1'), await b.attempt('10.0.0.1')];
    expect(attempts).toEqual([true, true, true, false]);
    expect(await a.attempt('10.0.0.2')).toBe(true);
    // Another limit name, or another installation's prefix, counts apart.
    expect(await (await open(prefix)).create('login', 3, 60).attempt('10.0.0.1')).toBe(true);
    expect(await (await open(testRedisPrefix())).create('verify', 3, 60).attempt('10.0.0.1')).toBe(true);
  });

  it('keeps no address in Redis in clear, and each count only for its window', async () => {
    const prefix = testRedisPrefix();
    const limiters = await open(prefix);
    await limiters.create('verify', 3, 60).attempt('198.51.100.23');
    const { Redis } = await import('ioredis');
    const client = new Redis(url);
    try {
      const keys = await client.keys(`${prefix}*`);
      expect(keys).toHaveLength(1);
      expect(keys[0]).not.toContain('198.51.100.23');
      const ttl = await client.ttl(keys[0]!);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60);
    } finally {
      client.disconnect();
    }
  });

  it('forgets a key when its window ends', async () => {
    const limiter = (await open(testRedisPrefix())).create('verify', 1, 1);
    expect([await limiter.attempt('k'), await limiter.attempt('k')]).toEqual([true, false]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await limiter.attempt('k')).toBe(true);
  });

  it('still limits, in memory, while Redis cannot be reached', async () => {
    const limiter = (await open(testRedisPrefix())).create('verify', 2, 60);
    const unreachable = redisRateLimiters('redis://127.0.0.1:1', testRedisPrefix());
    opened.push(unreachable);
    await expect(unreachable.ready(300)).rejects.toThrow(/did not answer/);
    const offline = unreachable.create('verify', 2, 60);
    expect([await offline.attempt('k'), await offline.attempt('k'), await offline.attempt('k')]).toEqual([true, true, false]);
    expect(await limiter.attempt('k')).toBe(true);
  });
});
