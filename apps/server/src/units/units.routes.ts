import {
  createUnitRequestSchema,
  listUnitsQuerySchema,
  listUnitsResponseSchema,
  unitBoundariesSchema,
  unitCodeParamsSchema,
  unitDetailSchema,
  updateUnitRequestSchema,
} from '@bluezone/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { allow, SIGNED_IN, viewerOf } from '../http/access.js';
import { errorResponses } from '../http/errors.js';
import type { UnitsService } from './units.service.js';

/** Unit names are public knowledge: every official reads the whole tree; administrators change their own subtree. */
export function registerUnitsRoutes(app: FastifyInstance, units: UnitsService): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/units', {
    config: { access: SIGNED_IN },
    schema: { tags: ['units'], querystring: listUnitsQuerySchema, response: { 200: listUnitsResponseSchema, ...errorResponses } },
    handler: async (request) => units.list(request.query),
  });

  // Registered before /units/:code, though fastify prefers the static path anyway.
  api.get('/api/v1/units/boundaries', {
    config: { access: SIGNED_IN },
    schema: { tags: ['units'], response: { 200: unitBoundariesSchema, ...errorResponses } },
    handler: async (_request, reply) => reply.header('cache-control', 'private, max-age=86400').send(units.boundaries()),
  });

  api.get('/api/v1/units/:code', {
    config: { access: SIGNED_IN },
    schema: { tags: ['units'], params: unitCodeParamsSchema, response: { 200: unitDetailSchema, ...errorResponses } },
    handler: async (request) => units.detail(request.params.code),
  });

  api.post('/api/v1/units', {
    config: { access: allow(['admin'], (request) => request.body.parentCode) },
    schema: { tags: ['units'], body: createUnitRequestSchema, response: { 201: unitDetailSchema, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send(await units.create(viewerOf(request), request.body)),
  });

  api.patch('/api/v1/units/:code', {
    config: { access: allow(['admin'], (request) => request.params.code) },
    schema: { tags: ['units'], params: unitCodeParamsSchema, body: updateUnitRequestSchema, response: { 200: unitDetailSchema, ...errorResponses } },
    handler: async (request) => units.rename(viewerOf(request), request.params.code, request.body),
  });
}
