import { healthResponseSchema, readyResponseSchema } from '@bluezone/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PUBLIC } from '../http/access.js';

/** Liveness (the process answers) and readiness (it can reach its database), for load balancers and orchestrators. */
export function registerHealthRoutes(app: FastifyInstance, probe: { answers(): Promise<boolean> }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/healthz', {
    config: { access: PUBLIC },
    schema: { tags: ['health'], response: { 200: healthResponseSchema } },
    handler: async () => ({ status: 'ok' as const }),
  });
  api.get('/readyz', {
    config: { access: PUBLIC },
    schema: { tags: ['health'], response: { 200: readyResponseSchema, 503: readyResponseSchema } },
    handler: async (_request, reply) => ((await probe.answers()) ? { status: 'ready' as const } : reply.code(503).send({ status: 'unavailable' as const })),
  });
}
