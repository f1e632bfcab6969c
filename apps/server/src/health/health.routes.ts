import { healthResponseSchema, readyResponseSchema } from '@bluezone/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { databaseAnswers, type Db } from '../db/database.js';

/** Liveness (the process answers) and readiness (it can reach its database), for load balancers and orchestrators. */
export function registerHealthRoutes(app: FastifyInstance, db: Db): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/healthz', {
    schema: { tags: ['health'], response: { 200: healthResponseSchema } },
    handler: async () => ({ status: 'ok' as const }),
  });
  api.get('/readyz', {
    schema: { tags: ['health'], response: { 200: readyResponseSchema, 503: readyResponseSchema } },
    handler: async (_request, reply) =>
      (await databaseAnswers(db)) ? { status: 'ready' as const } : reply.code(503).send({ status: 'unavailable' as const }),
  });
}
