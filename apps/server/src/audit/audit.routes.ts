import { listAuditQuerySchema, listAuditResponseSchema } from '@bluezone/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { adminOnly } from '../http/session.js';
import type { AuditService } from './audit.service.js';

export function registerAuditRoutes(app: FastifyInstance, audit: AuditService): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/audit', {
    onRequest: adminOnly,
    schema: { tags: ['audit'], querystring: listAuditQuerySchema, response: { 200: listAuditResponseSchema } },
    handler: async (request) => audit.list(request.query),
  });
}
