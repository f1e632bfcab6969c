import {
  addCheckRequestSchema,
  checkpointResponseSchema,
  declarationFilterSchema,
  declarationResponseSchema,
  declarationStatsQuerySchema,
  declarationStatsResponseSchema,
  healthStationSettingsSchema,
  idParamsSchema,
  listDeclarationsQuerySchema,
  listDeclarationsResponseSchema,
  receiptParamsSchema,
  selfReportCheckRequestSchema,
  selfReportKeyResponseSchema,
  selfReportRequestSchema,
  selfReportStatusResponseSchema,
  submitDeclarationRequestSchema,
  submitDeclarationResponseSchema,
  unitCodeParamsSchema,
  updateDeclarationRequestSchema,
  updateHealthStationRequestSchema,
  type Role,
} from '@bluezone/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { allow, PUBLIC, viewerOf } from '../http/access.js';
import { sendDownload } from '../http/download.js';
import { errorResponses } from '../http/errors.js';
import type { DeclarationServices } from './declarations.domain.js';
import { MAX_DECLARATION_BYTES } from './declarations.model.js';

/** Who reads and follows up declarations: the officers of the routed units, and the health officers above them. */
const READERS: readonly Role[] = ['unit_officer', 'health_officer'];

/**
 * The public declaration (no account), and the officials' queue, follow-up, checkpoint look-up, export and counts.
 * A declaration is in an official's scope when one of the units it is routed to lies in their subtree.
 */
export function registerDeclarationsRoutes(app: FastifyInstance, { intake, followUp, selfReport, exports, stats, healthStations }: DeclarationServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // The unit resolver of an access rule runs on the route's own request, so the session is there to read.
  const inScope = (request: { params: { id: number } }) => followUp.scopeUnit(request.params.id, viewerOf(request as unknown as FastifyRequest));

  api.post('/api/v1/declarations', {
    config: { access: PUBLIC },
    bodyLimit: MAX_DECLARATION_BYTES,
    schema: { tags: ['declarations'], body: submitDeclarationRequestSchema, response: { 201: submitDeclarationResponseSchema, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send(await intake.submit(request.body, request.ip)),
  });

  // The declarant's daily self-report: POST both, so the key travels in a body, never in a URL or an access log.
  api.post('/api/v1/declarations/self-report', {
    config: { access: PUBLIC },
    schema: { tags: ['declarations'], body: selfReportRequestSchema, response: { 200: selfReportStatusResponseSchema, ...errorResponses } },
    handler: async (request) => ({ status: await selfReport.status(request.body, request.ip) }),
  });

  api.post('/api/v1/declarations/self-report/checks', {
    config: { access: PUBLIC },
    schema: { tags: ['declarations'], body: selfReportCheckRequestSchema, response: { 200: selfReportStatusResponseSchema, ...errorResponses } },
    handler: async (request) => ({ status: await selfReport.report(request.body, request.ip) }),
  });

  api.get('/api/v1/declarations', {
    config: { access: allow(READERS, (request) => request.query.unit) },
    schema: { tags: ['declarations'], querystring: listDeclarationsQuerySchema, response: { 200: listDeclarationsResponseSchema, ...errorResponses } },
    handler: async (request) => followUp.list(viewerOf(request), request.query),
  });

  api.get('/api/v1/declarations/export.xlsx', {
    config: { access: allow(READERS, (request) => request.query.unit) },
    schema: { tags: ['declarations'], querystring: declarationFilterSchema, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
    handler: async (request, reply) => {
      const file = await exports.xlsx(viewerOf(request), request.query);
      return sendDownload(reply, 'xlsx', file.fileName, file.body);
    },
  });

  api.get('/api/v1/declarations/stats', {
    config: { access: allow(['health_officer'], (request) => request.query.unit) },
    schema: { tags: ['declarations'], querystring: declarationStatsQuerySchema, response: { 200: declarationStatsResponseSchema, ...errorResponses } },
    handler: async (request) => stats.counts(viewerOf(request), request.query),
  });

  api.get('/api/v1/declarations/by-receipt/:receipt', {
    config: { access: allow(READERS) },
    schema: { tags: ['declarations'], params: receiptParamsSchema, response: { 200: checkpointResponseSchema, ...errorResponses } },
    handler: async (request) => ({ declaration: await followUp.byReceipt(viewerOf(request), request.params.receipt) }),
  });

  api.get('/api/v1/declarations/:id', {
    config: { access: allow(READERS, inScope) },
    schema: { tags: ['declarations'], params: idParamsSchema, response: { 200: declarationResponseSchema, ...errorResponses } },
    handler: async (request) => ({ declaration: await followUp.get(viewerOf(request), request.params.id) }),
  });

  api.patch('/api/v1/declarations/:id', {
    config: { access: allow(READERS, inScope) },
    schema: { tags: ['declarations'], params: idParamsSchema, body: updateDeclarationRequestSchema, response: { 200: declarationResponseSchema, ...errorResponses } },
    handler: async (request) => ({ declaration: await followUp.update(viewerOf(request), request.params.id, request.body) }),
  });

  api.post('/api/v1/declarations/:id/checks', {
    config: { access: allow(READERS, inScope) },
    schema: { tags: ['declarations'], params: idParamsSchema, body: addCheckRequestSchema, response: { 200: declarationResponseSchema, ...errorResponses } },
    handler: async (request) => ({ declaration: await followUp.addCheck(viewerOf(request), request.params.id, request.body) }),
  });

  api.post('/api/v1/declarations/:id/self-report-key', {
    config: { access: allow(READERS, inScope) },
    schema: { tags: ['declarations'], params: idParamsSchema, response: { 200: selfReportKeyResponseSchema, ...errorResponses } },
    handler: async (request) => followUp.newSelfReportKey(viewerOf(request), request.params.id),
  });

  api.get('/api/v1/health-stations/:code', {
    config: { access: allow(['unit_officer', 'health_officer', 'admin'], (request) => request.params.code) },
    schema: { tags: ['declarations'], params: unitCodeParamsSchema, response: { 200: healthStationSettingsSchema, ...errorResponses } },
    handler: async (request) => healthStations.get(request.params.code),
  });

  api.put('/api/v1/health-stations/:code', {
    config: { access: allow(['unit_officer', 'health_officer', 'admin'], (request) => request.params.code) },
    schema: { tags: ['declarations'], params: unitCodeParamsSchema, body: updateHealthStationRequestSchema, response: { 200: healthStationSettingsSchema, ...errorResponses } },
    handler: async (request) => healthStations.update(viewerOf(request), request.params.code, request.body),
  });
}
