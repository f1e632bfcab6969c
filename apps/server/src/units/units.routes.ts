import {
  createUnitRequestSchema,
  listUnitsQuerySchema,
  listUnitsResponseSchema,
  unitCodeParamsSchema,
  unitDetailSchema,
  updateUnitRequestSchema,
} from '@bluezone/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../http/errors.js';
import { adminOnly, requireAdmin, signedIn } from '../http/session.js';
import { actorOf } from '../identity/identity.service.js';
import type { UnitsService } from './units.service.js';

export function registerUnitsRoutes(app: FastifyInstance, units: UnitsService): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/units', {
    onRequest: signedIn,
    schema: { tags: ['units'], querystring: listUnitsQuerySchema, response: { 200: listUnitsResponseSchema, ...errorResponses } },
    handler: async (request) => {
      const { parent, q } = request.query;
      if (q !== undefined) return units.search(q);
      if (parent !== undefined) return units.children(parent);
      return units.top();
    },
  });

  api.get('/api/v1/units/:code', {
    onRequest: signedIn,
    schema: { tags: ['units'], params: unitCodeParamsSchema, response: { 200: unitDetailSchema, ...errorResponses } },
    handler: async (request) => {
      return units.detail(request.params.code);
    },
  });

  api.post('/api/v1/units', {
    onRequest: adminOnly,
    schema: { tags: ['units'], body: createUnitRequestSchema, response: { 201: unitDetailSchema, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send(await units.create(actorOf(requireAdmin(request).user), request.body)),
  });

  api.patch('/api/v1/units/:code', {
    onRequest: adminOnly,
    schema: { tags: ['units'], params: unitCodeParamsSchema, body: updateUnitRequestSchema, response: { 200: unitDetailSchema, ...errorResponses } },
    handler: async (request) => units.rename(actorOf(requireAdmin(request).user), request.params.code, request.body),
  });
}
