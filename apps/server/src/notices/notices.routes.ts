import { createNoticeRequestSchema, idParamsSchema, listNoticesResponseSchema, listPublicNoticesResponseSchema, noticeResponseSchema } from '@bluezone/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../http/errors.js';
import { requireRole, rolesOnly } from '../http/session.js';
import { actorOf } from '../identity/identity.service.js';
import { NOTICE_ROLES } from './notices.model.js';
import type { NoticesService } from './notices.service.js';

const officials = rolesOnly(...NOTICE_ROLES);

export function registerNoticesRoutes(app: FastifyInstance, notices: NoticesService): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  // The app's inbox: anonymous, and logged below info like the other phone routes (no address is written).
  api.get('/api/v1/notices/public', {
    logLevel: 'warn',
    schema: { tags: ['notices'], response: { 200: listPublicNoticesResponseSchema, ...errorResponses } },
    handler: async () => ({ notices: await notices.listPublic() }),
  });

  api.get('/api/v1/notices', {
    onRequest: officials,
    schema: { tags: ['notices'], response: { 200: listNoticesResponseSchema, ...errorResponses } },
    handler: async () => ({ notices: await notices.listAll() }),
  });

  api.post('/api/v1/notices', {
    onRequest: officials,
    schema: { tags: ['notices'], body: createNoticeRequestSchema, response: { 201: noticeResponseSchema, ...errorResponses } },
    handler: async (request, reply) => {
      const { user } = requireRole(request, NOTICE_ROLES);
      return reply.code(201).send({ notice: await notices.create(actorOf(user), user, request.body) });
    },
  });

  api.post('/api/v1/notices/:id/retire', {
    onRequest: officials,
    schema: { tags: ['notices'], params: idParamsSchema, response: { 200: noticeResponseSchema, ...errorResponses } },
    handler: async (request) => {
      const { user } = requireRole(request, NOTICE_ROLES);
      return { notice: await notices.retire(actorOf(user), user, request.params.id) };
    },
  });
}
