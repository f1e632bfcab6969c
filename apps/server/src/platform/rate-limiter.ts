import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Clock } from './platform.js';

/**
 * Counts attempts per key (a client address) in fixed windows: sign-ins, password changes, upload-code checks.
 * In memory for one process; in Redis when REDIS_URL is set, so a limit holds across every process behind a load
 * balancer (each process would otherwise allow the whole limit). The per-account lockout lives in the database and
 * holds across processes either way.
 */
export interface RateLimiter {
  /** Records an attempt from `key`; false when the key has used up its window. */
  attempt(key: string): Promise<boolean>;
}

/** Makes the limiters of the domains: `name` keeps each limit's counts apart (`login`, `verify`). */
export interface RateLimiters {
  create(name: string, limit: number, windowSeconds: number): RateLimiter;
}

/** In one process's memory, on the injected clock (tests move it). */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowSeconds: number,
    private readonly clock: Clock,
  ) {}

  attempt(key: string): Promise<boolean> {
    const now = this.clock.now().getTime();
    const windowMs = this.windowSeconds * 1000;
    let entry = this.windows.get(key);
    if (!entry || now - entry.start >= windowMs) {
      entry = { start: now, count: 0 };
      this.windows.set(key, entry);
      this.sweep(now, windowMs);
    }
    entry.count++;
    return Promise.resolve(entry.count <= this.limit);
  }

  // Forget expired windows now and then, so a scan from many addresses cannot grow the map without bound.
  private sweep(now: number, windowMs: number): void {
    if (this.windows.size < 10_000) return;
    for (const [key, entry] of this.windows) if (now - entry.start >= windowMs) this.windows.delete(key);
  }
}

export const memoryRateLimiters = (clock: Clock): RateLimiters => ({
  create: (_name, limit, windowSeconds) => new MemoryRateLimiter(limit, windowSeconds, clock),
});

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
