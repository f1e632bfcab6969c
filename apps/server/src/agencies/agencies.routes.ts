import {
  agencyResponseSchema,
  createAgencyRequestSchema,
  idParamsSchema,
  listAgenciesQuerySchema,
  listAgenciesResponseSchema,
  updateAgencyRequestSchema,
} from '@bluezone/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../http/errors.js';
import { adminOnly, requireAdmin, requireSession, signedIn } from '../http/session.js';
import { actorOf } from '../identity/identity.service.js';
import type { AgenciesService } from './agencies.service.js';

export function registerAgenciesRoutes(app: FastifyInstance, agencies: AgenciesService): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/agencies', {
    onRequest: signedIn,
    schema: { tags: ['agencies'], querystring: listAgenciesQuerySchema, response: { 200: listAgenciesResponseSchema, ...errorResponses } },
    handler: async (request) => {
      requireSession(request);
      return { agencies: await agencies.list(request.query.unit) };
    },
  });

  api.post('/api/v1/agencies', {
    onRequest: adminOnly,
    schema: { tags: ['agencies'], body: createAgencyRequestSchema, response: { 201: agencyResponseSchema, ...errorResponses } },
    handler: async (request, reply) => {
      const agency = await agencies.create(actorOf(requireAdmin(request).user), request.body);
      return reply.code(201).send({ agency });
    },
  });

  api.patch('/api/v1/agencies/:id', {
    onRequest: adminOnly,
    schema: { tags: ['agencies'], params: idParamsSchema, body: updateAgencyRequestSchema, response: { 200: agencyResponseSchema, ...errorResponses } },
    handler: async (request) => ({
      agency: await agencies.update(actorOf(requireAdmin(request).user), request.params.id, request.body),
    }),
  });
}
