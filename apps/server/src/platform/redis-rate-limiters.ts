import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiter, RateLimiters } from './rate-limiter.js';

// A module of its own, imported only when REDIS_URL is set: ioredis and rate-limiter-flexible are then loaded, and
// a process without Redis does not carry them.

/**
 * In Redis, with rate-limiter-flexible: one atomic INCR (with the window as its expiry) per attempt, on Redis's
 * clock. While Redis does not answer, each process falls back to counting in its own memory (the library's
 * insurance limiter) rather than refusing every sign-in or letting every guess through.
 */
class RedisRateLimiter implements RateLimiter {
  constructor(private readonly limiter: RateLimiterRedis) {}

  async attempt(key: string): Promise<boolean> {
    try {
      // The key is a client address: only its SHA-256 reaches Redis, and only for the window (the key's expiry), so
      // no address sits in Redis in clear. (A hash of an IPv4 address can be reversed by trying them all: this
      // keeps addresses out of dumps and monitoring, it does not make them anonymous.)
      await this.limiter.consume(createHash('sha256').update(key).digest('base64url'));
      return true;
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return false;
      throw refusal;
    }
  }
}

export interface RedisRateLimiters extends RateLimiters {
  /** Resolves once Redis answers; rejects after `timeoutMs` without an answer (the server then refuses to start). */
  ready(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** `prefix` keeps installations sharing one Redis apart (BLUEZONE_REDIS_PREFIX). */
export function redisRateLimiters(url: string, prefix: string): RedisRateLimiters {
  // No offline queue: while disconnected a command fails at once and the insurance limiter counts instead.
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
  // ioredis reconnects by itself; without a listener a failed connection would be an unhandled 'error' event.
  client.on('error', () => undefined);
  return {
    create: (name, limit, windowSeconds) =>
      new RedisRateLimiter(
        new RateLimiterRedis({
          storeClient: client,
          keyPrefix: `${prefix}:rate:${name}`,
          points: limit,
          duration: windowSeconds,
          insuranceLimiter: new RateLimiterMemory({ points: limit, duration: windowSeconds }),
        }),
      ),
    ready: (timeoutMs = 5000) =>
      client.status === 'ready'
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`REDIS_URL: Redis did not answer within ${timeoutMs} ms`)), timeoutMs);
            client.once('ready', () => {
              clearTimeout(timer);
              resolve();
            });
          }),
    close: async () => {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
