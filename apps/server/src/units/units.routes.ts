import { listUnitsQuerySchema, listUnitsResponseSchema, unitCodeParamsSchema, unitDetailSchema } from '@bluezone/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../http/errors.js';
import { signedIn } from '../http/session.js';
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
}
