import { auditFilterSchema, listAuditQuerySchema, listAuditResponseSchema } from '@bluezone/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { allow, viewerOf } from '../http/access.js';
import { sendDownload } from '../http/download.js';
import { errorResponses } from '../http/errors.js';
import type { AuditService } from './audit.service.js';

/** Administrators read the log of their own unit subtree (the service filters by the viewer's unit). */
export function registerAuditRoutes(app: FastifyInstance, audit: AuditService): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/v1/audit', {
    config: { access: allow(['admin']) },
    schema: { tags: ['audit'], querystring: listAuditQuerySchema, response: { 200: listAuditResponseSchema, ...errorResponses } },
    handler: async (request) => audit.list(viewerOf(request), request.query),
  });
  api.get('/api/v1/audit/export.xlsx', {
    config: { access: allow(['admin']) },
    schema: { tags: ['audit'], querystring: auditFilterSchema, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
    handler: async (request, reply) => {
      const file = await audit.exportXlsx(viewerOf(request), request.query);
      return sendDownload(reply, 'xlsx', file.fileName, file.body);
    },
  });
}
