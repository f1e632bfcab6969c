import { randomBytes } from 'node:crypto';

/**
 * The side effects a service may have besides its store: reading the clock and drawing randomness. Services receive
 * this object, so tests pass a fixed clock and predictable bytes instead.
 */
export interface Platform {
  clock: Clock;
  random: Random;
}

export interface Clock {
  now(): Date;
}

export interface Random {
  /** Cryptographically strong bytes (session tokens, salts, generated passwords). */
  bytes(length: number): Buffer;
}

export const systemClock: Clock = { now: () => new Date() };
/**
 * Strong bytes drawn from the system a pool at a time. A phone's upload draws about ten small pieces (the padding of
 * its three answers, a token id, a revision token's filler and IV); a call of randomBytes each cost 4 µs of the
 * server's thread, most of it the call's own overhead (publish benchmark, --profile). Each piece is a copy of a part
 * of the pool no other call is given, and a pool is never drawn from again once used up; large requests skip it.
 */
export function pooledRandom(poolSize = 16384): Random {
  let pool = Buffer.alloc(0);
  let used = 0;
  return {
    bytes: (length) => {
      if (length > poolSize / 4) return randomBytes(length);
      if (used + length > pool.length) {
        pool = randomBytes(poolSize);
        used = 0;
      }
      const out = Buffer.from(pool.subarray(used, used + length));
      // The pool's copy is no longer needed: wiped, so the bytes given out live only in the caller's buffer.
      pool.fill(0, used, used + length);
      used += length;
      return out;
    },
  };
}

export const systemRandom: Random = pooledRandom();
export const systemPlatform: Platform = { clock: systemClock, random: systemRandom };

/** A clock tests move by hand. */
export function fakeClock(start = new Date('2026-11-23T08:00:00.000Z')): Clock & { advance(seconds: number): void } {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (seconds) => void (now += seconds * 1000),
  };
}

/** Deterministic bytes (a counter), for tests that assert on tokens. Never strong: tests only. */
export function fakeRandom(): Random {
  let counter = 0;
  return {
    bytes: (length) => {
      const out = Buffer.alloc(length);
      for (let i = 0; i < length; i++) out[i] = (counter + i * 7) & 0xff;
      counter++;
      return out;
    },
  };
}
