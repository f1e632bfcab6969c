import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Random } from '../platform/platform.js';

/**
 * The routes a phone calls to upload keys (verify, certificate, publish) share two rules:
 * - every answer, success, refusal or chaff, is padded to about the same length, so an observer of the encrypted
 *   traffic cannot tell a real upload from chaff or one outcome from another (Google's servers pad the same way);
 * - `X-Chaff: 1` marks a phone's decoy request, answered like a real one and writing nothing.
 * A route opts in with `config: { padded: true }`; the padding is added to the serialized JSON, so success and error
 * schemas need no field for it. (Request lines are never logged with the client's address: see app.ts.)
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    padded?: boolean;
  }
}

/** Bodies (the largest, a publish answer with its revision token, is about 3 kB) are padded up to about TARGET. */
const TARGET = 4096;

export function isChaff(request: FastifyRequest): boolean {
  return request.headers['x-chaff'] === '1';
}

/** Random base64 that brings a JSON text of `length` characters to about TARGET, with jitter. */
export function paddingFor(random: Random, length: number): string {
  const used = length + 14; // ,"padding":""
  const bytes = Math.max(16, Math.floor(((TARGET - used) * 3) / 4)) + (random.bytes(1)[0]! % 16);
  return random.bytes(bytes).toString('base64');
}

export function installPhoneRoutePadding(app: FastifyInstance, random: Random): void {
  // A callback hook (no promise per answer; every answer passes here).
  app.addHook('onSend', (request, _reply, payload, done) => {
    if (!request.routeOptions.config.padded || typeof payload !== 'string' || !payload.endsWith('}')) return done(null, payload);
    if (payload.includes('"padding":')) return done(null, payload);
    const padding = paddingFor(random, payload.length);
    done(null, `${payload.slice(0, -1)}${payload.length > 2 ? ',' : ''}"padding":"${padding}"}`);
  });
}
