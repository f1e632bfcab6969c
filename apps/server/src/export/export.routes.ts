import { listExportFilesResponseSchema } from '@bluezone/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../errors.js';
import { errorResponses } from '../http/errors.js';
import { requireSession } from '../http/session.js';
import type { ExportService } from './export.service.js';

/** Health officers and administrators watch the export; the files themselves are public under /exports/. */
async function healthOfficerOrAdmin(request: FastifyRequest): Promise<void> {
  const { user } = requireSession(request);
  if (user.role !== 'health_officer' && user.role !== 'admin') throw new AppError('forbidden', 'health officers and administrators only');
}

export function registerExportRoutes(app: FastifyInstance, exports: ExportService): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/export-files', {
    onRequest: healthOfficerOrAdmin,
    schema: { tags: ['export'], response: { 200: listExportFilesResponseSchema, ...errorResponses } },
    handler: async () => ({ files: await exports.listFiles() }),
  });
}
