import type { Clock } from './platform.js';

/**
 * Counts attempts per key (a client address) in fixed windows: sign-ins, password changes, upload-code checks.
 * In memory for one process; in Redis when REDIS_URL is set (redis-rate-limiters.ts), so a limit holds across every process behind a load
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
