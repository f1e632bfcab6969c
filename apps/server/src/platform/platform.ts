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
export const systemRandom: Random = { bytes: (length) => randomBytes(length) };
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
