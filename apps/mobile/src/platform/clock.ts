/**
 * The phone's clock, injected everywhere time matters (key rotation, sightings, scan timing, exposure checks), so
 * tests drive it by hand and the web demo can run it faster than real time.
 */
export interface Clock {
  /** Unix milliseconds. */
  now(): number;
  /**
   * Calls `callback` after `delayMs` of this clock's time (so a demo clock at 60× waits a sixtieth of the real
   * time). Returns a function that cancels it.
   */
  setTimer(delayMs: number, callback: () => void): () => void;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(delayMs, callback) {
    const handle = setTimeout(callback, Math.max(0, delayMs));
    return () => clearTimeout(handle);
  },
};

/** Unix seconds of a clock, the unit of the protocol. */
export function nowSeconds(clock: Clock): number {
  return clock.now() / 1000;
}

/** `YYYY-MM-DD` of the UTC day of unix seconds: exposure days are UTC days, as in the Exposure Notification framework. */
export function utcDay(unixSeconds: number): string {
  return new Date(Math.floor(unixSeconds / 86_400) * 86_400_000).toISOString().slice(0, 10);
}
