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
import { actorOf } from '../audit/audit.model.js';
import { allow, SIGNED_IN, viewerOf } from '../http/access.js';
import { errorResponses } from '../http/errors.js';
import type { AgenciesService } from './agencies.service.js';

/** Every official reads the list of agencies; administrators manage those filed under their own unit subtree. */
export function registerAgenciesRoutes(app: FastifyInstance, agencies: AgenciesService): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/agencies', {
    config: { access: SIGNED_IN },
    schema: { tags: ['agencies'], querystring: listAgenciesQuerySchema, response: { 200: listAgenciesResponseSchema, ...errorResponses } },
    handler: async (request) => agencies.list(request.query),
  });

  api.post('/api/v1/agencies', {
    config: { access: allow(['admin'], (request) => request.body.unitCode) },
    schema: { tags: ['agencies'], body: createAgencyRequestSchema, response: { 201: agencyResponseSchema, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send({ agency: await agencies.create(actorOf(viewerOf(request)), request.body) }),
  });

  api.patch('/api/v1/agencies/:id', {
    config: { access: allow(['admin'], async (request) => [await agencies.unitOf(request.params.id), request.body.unitCode]) },
    schema: { tags: ['agencies'], params: idParamsSchema, body: updateAgencyRequestSchema, response: { 200: agencyResponseSchema, ...errorResponses } },
    handler: async (request) => ({ agency: await agencies.update(actorOf(viewerOf(request)), request.params.id, request.body) }),
  });
}
