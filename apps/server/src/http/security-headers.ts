import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's security headers (Content-Security-Policy, Referrer-Policy, X-Frame-Options…) on every answer.
 * @fastify/helmet built helmet's middleware anew for each request, parsing the policy's directives every time: about
 * 55 µs of the server's thread an answer, a twentieth of a phone's upload (measured with the publish benchmark's
 * --profile). Our options hold no per-request part (no nonces), so helmet runs once, here, against a recorder, and
 * each request replays what it did: the same headers, in the same order, with the same names and values.
 */
type Step = { set: string; value: string | string[] } | { remove: string };

/** What helmet with these options does to a response, step by step. */
export function helmetSteps(options: Readonly<HelmetOptions>): readonly Step[] {
  const steps: Step[] = [];
  const recorder = {
    setHeader: (name: string, value: string | string[]) => void steps.push({ set: name, value }),
    removeHeader: (name: string) => void steps.push({ remove: name }),
  };
  let failure: unknown;
  // helmet throws a bad option at once; the callback is its older way of reporting one.
  helmet(options)(recorder as never, recorder as never, (error?: unknown) => void (failure = error));
  if (failure) throw failure;
  return steps;
}

export function installSecurityHeaders(app: FastifyInstance, options: Readonly<HelmetOptions>): void {
  const steps = helmetSteps(options);
  // On the raw response at onRequest, where @fastify/helmet set them, so an answer's header order is unchanged.
  app.addHook('onRequest', (_request, reply, done) => {
    const raw = reply.raw;
    for (const step of steps) {
      if ('set' in step) raw.setHeader(step.set, step.value);
      else raw.removeHeader(step.remove);
    }
    done();
  });
}
