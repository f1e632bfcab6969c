import { listAuditQuerySchema, listAuditResponseSchema } from '@bluezone/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../http/errors.js';
import { adminOnly } from '../http/session.js';
import type { AuditService } from './audit.service.js';

export function registerAuditRoutes(app: FastifyInstance, audit: AuditService): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/audit', {
    onRequest: adminOnly,
    schema: { tags: ['audit'], querystring: listAuditQuerySchema, response: { 200: listAuditResponseSchema, ...errorResponses } },
    handler: async (request) => audit.list(request.query),
  });
}
