import {
  createNoticeRequestSchema,
  idParamsSchema,
  listNoticesQuerySchema,
  listNoticesResponseSchema,
  listPublicNoticesResponseSchema,
  noticeResponseSchema,
  retireNoticeRequestSchema,
} from '@bluezone/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { allow, PUBLIC, viewerOf } from '../http/access.js';
import { errorResponses } from '../http/errors.js';
import { NOTICE_ROLES } from './notices.model.js';
import type { NoticesService } from './notices.service.js';

/** The app reads live notices with no session; officials publish, list and withdraw those of their unit subtree. */
export function registerNoticesRoutes(app: FastifyInstance, notices: NoticesService): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/notices/public', {
    config: { access: PUBLIC },
    schema: { tags: ['notices'], response: { 200: listPublicNoticesResponseSchema, ...errorResponses } },
    handler: async () => ({ notices: await notices.listPublic() }),
  });

  api.get('/api/v1/notices', {
    config: { access: allow(NOTICE_ROLES, (request) => request.query.unit) },
    schema: { tags: ['notices'], querystring: listNoticesQuerySchema, response: { 200: listNoticesResponseSchema, ...errorResponses } },
    handler: async (request) => notices.list(viewerOf(request), request.query),
  });

  api.post('/api/v1/notices', {
    config: { access: allow(NOTICE_ROLES) },
    schema: { tags: ['notices'], body: createNoticeRequestSchema, response: { 201: noticeResponseSchema, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send({ notice: await notices.create(viewerOf(request), request.body) }),
  });

  api.post('/api/v1/notices/:id/retire', {
    config: { access: allow(NOTICE_ROLES, (request) => notices.unitOf(request.params.id)) },
    schema: { tags: ['notices'], params: idParamsSchema, body: retireNoticeRequestSchema, response: { 200: noticeResponseSchema, ...errorResponses } },
    handler: async (request) => ({ notice: await notices.retire(viewerOf(request), request.params.id) }),
  });
}
