import type { Clock } from './platform.js';

/**
 * Counts attempts per key (a client address) in fixed windows, in memory: sign-ins, password changes, upload-code
 * checks. Per process: several processes behind a load balancer each allow the limit (the per-account lockout,
 * stored in the database, still holds across them).
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowSeconds: number,
    private readonly clock: Clock,
  ) {}

  /** Records an attempt from `key`; false when the key has used up its window. */
  attempt(key: string): boolean {
    const now = this.clock.now().getTime();
    const windowMs = this.windowSeconds * 1000;
    let entry = this.windows.get(key);
    if (!entry || now - entry.start >= windowMs) {
      entry = { start: now, count: 0 };
      this.windows.set(key, entry);
      this.sweep(now, windowMs);
    }
    entry.count++;
    return entry.count <= this.limit;
  }

  // Forget expired windows now and then, so a scan from many addresses cannot grow the map without bound.
  private sweep(now: number, windowMs: number): void {
    if (this.windows.size < 10_000) return;
    for (const [key, entry] of this.windows) if (now - entry.start >= windowMs) this.windows.delete(key);
  }
}
