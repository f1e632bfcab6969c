import { placeCodeParamsSchema, placeSchema, searchPlacesQuerySchema, searchPlacesResponseSchema } from '@bluezone/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PUBLIC } from '../http/access.js';
import { errorResponses } from '../http/errors.js';
import type { PlacesService } from './places.service.js';

/** Unit names are public knowledge: the declaration form looks them up without an account. */
export function registerPlacesRoutes(app: FastifyInstance, places: PlacesService): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/places', {
    config: { access: PUBLIC },
    schema: { tags: ['places'], querystring: searchPlacesQuerySchema, response: { 200: searchPlacesResponseSchema, ...errorResponses } },
    handler: async (request) => ({ places: await places.search(request.query, request.ip) }),
  });

  api.get('/api/v1/places/:code', {
    config: { access: PUBLIC },
    schema: { tags: ['places'], params: placeCodeParamsSchema, response: { 200: placeSchema, ...errorResponses } },
    handler: async (request) => places.require(request.params.code),
  });
}
