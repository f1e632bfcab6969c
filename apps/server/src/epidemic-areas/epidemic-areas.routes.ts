import {
  createEpidemicAreaRequestSchema,
  epidemicAreaResponseSchema,
  idParamsSchema,
  listEpidemicAreasQuerySchema,
  listEpidemicAreasResponseSchema,
  updateEpidemicAreaRequestSchema,
} from '@bluezone/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { allow, SIGNED_IN, viewerOf } from '../http/access.js';
import { errorResponses } from '../http/errors.js';
import type { EpidemicAreasService } from './epidemic-areas.service.js';

/**
 * Every official reads the list (it explains why a declarant is flagged); health officers keep it, each for the areas
 * of their own subtree, and only those at the top of the tree for other provinces and places abroad.
 */
export function registerEpidemicAreasRoutes(app: FastifyInstance, areas: EpidemicAreasService): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/epidemic-areas', {
    config: { access: SIGNED_IN },
    schema: { tags: ['epidemic-areas'], querystring: listEpidemicAreasQuerySchema, response: { 200: listEpidemicAreasResponseSchema, ...errorResponses } },
    handler: async (request) => areas.list(request.query),
  });

  api.post('/api/v1/epidemic-areas', {
    config: { access: allow(['health_officer'], (request) => areas.keeperUnit(request.body.unitCode)) },
    schema: { tags: ['epidemic-areas'], body: createEpidemicAreaRequestSchema, response: { 201: epidemicAreaResponseSchema, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send(await areas.create(viewerOf(request), request.body)),
  });

  api.patch('/api/v1/epidemic-areas/:id', {
    config: {
      access: allow(['health_officer'], async (request) => [
        await areas.keeperOf(request.params.id),
        ...(request.body.unitCode !== undefined || request.body.place !== undefined ? [await areas.keeperUnit(request.body.unitCode)] : []),
      ]),
    },
    schema: { tags: ['epidemic-areas'], params: idParamsSchema, body: updateEpidemicAreaRequestSchema, response: { 200: epidemicAreaResponseSchema, ...errorResponses } },
    handler: async (request) => areas.update(viewerOf(request), request.params.id, request.body),
  });

  api.delete('/api/v1/epidemic-areas/:id', {
    config: { access: allow(['health_officer'], (request) => areas.keeperOf(request.params.id)) },
    schema: { tags: ['epidemic-areas'], params: idParamsSchema, response: { 200: epidemicAreaResponseSchema, ...errorResponses } },
    handler: async (request) => areas.delete(viewerOf(request), request.params.id),
  });
}
