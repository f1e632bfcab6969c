import { assertFiniteNumber } from '../assert.js';
import { ProtocolError } from '../errors.js';

/**
 * Length of one RPI interval in seconds (EN Cryptography Specification v1.2, "ENIntervalNumber": 10 minutes).
 */
export const INTERVAL_SECONDS = 600;

/**
 * Intervals a Temporary Exposure Key is used for (spec: TEKRollingPeriod = 144, i.e. 24 hours of 10 minutes).
 */
export const TEK_ROLLING_PERIOD = 144;

/** ENIntervalNumber is written as a uint32 in the RPI padded data, so it must fit in 32 bits. */
const MAX_INTERVAL_NUMBER = 0xffffffff;

/**
 * ENIntervalNumber(t) = floor(t / 600), t in unix seconds (spec §"ENIntervalNumber"). Fractional seconds are
 * accepted (e.g. `Date.now() / 1000`).
 *
 * @example intervalNumber(1585785600) // 2642976 (2020-04-02T00:00:00Z)
 */
export function intervalNumber(unixSeconds: number): number {
  assertFiniteNumber(unixSeconds, 'unixSeconds');
  const interval = Math.floor(unixSeconds / INTERVAL_SECONDS);
  if (interval < 0 || interval > MAX_INTERVAL_NUMBER) {
    throw new ProtocolError('invalid_argument', `unixSeconds ${unixSeconds} gives an interval outside uint32`);
  }
  return interval;
}

/**
 * The first interval of the day (UTC) containing `unixSeconds`: the rolling start interval number of the TEK in
 * use at that time (spec §"Temporary Exposure Key": a key's validity starts at a multiple of TEKRollingPeriod).
 *
 * @example rollingStartIntervalNumber(1585787000) // 2642976
 */
export function rollingStartIntervalNumber(unixSeconds: number): number {
  assertFiniteNumber(unixSeconds, 'unixSeconds');
  const interval = intervalNumber(unixSeconds);
  return interval - (interval % TEK_ROLLING_PERIOD);
}
