import {
  ATTACHMENT_TYPES,
  addRoundResponseSchema,
  attachmentParamsSchema,
  attachmentQuerySchema,
  attachmentSchema,
  campaignParamsSchema,
  campaignResponseSchema,
  createCampaignRequestSchema,
  inboxResponseSchema,
  listCampaignsQuerySchema,
  listCampaignsResponseSchema,
  newRoundSchema,
  reportResponseSchema,
  returnReportRequestSchema,
  reviewParamsSchema,
  roundParamsSchema,
  saveReportRequestSchema,
  summaryResponseSchema,
  trendResponseSchema,
} from '@bluezone/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, viewerOf } from '../http/access.js';
import { CONTENT_TYPES, sendDownload } from '../http/download.js';
import { errorResponses } from '../http/errors.js';
import { AppError } from '../errors.js';
import type { CampaignsConfig } from './campaigns.config.js';
import type { CampaignsService } from './campaigns.service.js';
import type { ReportsService } from './reports.service.js';
import type { SummaryService } from './summary.service.js';

interface CampaignServices {
  campaigns: CampaignsService;
  reports: ReportsService;
  summary: SummaryService;
}

const ISSUER = ['campaign_issuer'] as const;
const REPORTERS = ['unit_officer', 'agency_reporter'] as const;
const DOCX = CONTENT_TYPES.docx;
const XLSX = CONTENT_TYPES.xlsx;

/**
 * Issuers create and follow campaigns of their own unit subtree (the access rule checks the campaign's unit, or the
 * units the recipients picked lie in); unit officers and agency reporters reach only the campaigns addressed to their
 * unit or agency, and only their own report (the service finds the recipient from the signed-in official, never
 * from the request).
 */
export async function registerCampaignsRoutes(app: FastifyInstance, { campaigns, reports, summary }: CampaignServices, config: CampaignsConfig): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const campaignUnit = (request: { params: { id: number } }) => campaigns.unitOf(request.params.id);
  const issuerOfCampaign = allow(ISSUER, campaignUnit);

  // ---- Issuers ----

  api.post('/api/v1/campaigns', {
    config: { access: allow(ISSUER, (request) => campaigns.unitsOfPicks(request.body.recipients)) },
    schema: { tags: ['campaigns'], body: createCampaignRequestSchema, response: { 201: campaignResponseSchema, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send({ campaign: await campaigns.create(viewerOf(request), request.body) }),
  });

  api.get('/api/v1/campaigns', {
    config: { access: allow(ISSUER) },
    schema: { tags: ['campaigns'], querystring: listCampaignsQuerySchema, response: { 200: listCampaignsResponseSchema, ...errorResponses } },
    handler: async (request) => campaigns.listIssued(viewerOf(request), request.query),
  });

  api.post('/api/v1/campaigns/:id/rounds', {
    config: { access: issuerOfCampaign },
    schema: { tags: ['campaigns'], params: campaignParamsSchema, body: newRoundSchema, response: { 201: addRoundResponseSchema, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send({ round: await campaigns.addRound(viewerOf(request), request.params.id, request.body) }),
  });

  api.post('/api/v1/campaigns/:id/rounds/:roundNo/close', {
    config: { access: issuerOfCampaign },
    schema: { tags: ['campaigns'], params: roundParamsSchema, response: { 200: addRoundResponseSchema, ...errorResponses } },
    handler: async (request) => ({ round: await campaigns.closeRound(viewerOf(request), request.params.id, request.params.roundNo) }),
  });

  api.get('/api/v1/campaigns/:id/rounds/:roundNo/summary', {
    config: { access: issuerOfCampaign },
    schema: { tags: ['campaigns'], params: roundParamsSchema, response: { 200: summaryResponseSchema, ...errorResponses } },
    handler: async (request) => summary.summary(viewerOf(request), request.params.id, request.params.roundNo),
  });

  api.get('/api/v1/campaigns/:id/trend', {
    config: { access: issuerOfCampaign },
    schema: { tags: ['campaigns'], params: campaignParamsSchema, response: { 200: trendResponseSchema, ...errorResponses } },
    handler: async (request) => summary.trend(viewerOf(request), request.params.id),
  });

  for (const [suffix, kind, produce] of [
    ['export.docx', 'docx', summary.exportDocx.bind(summary)],
    ['export.xlsx', 'xlsx', summary.exportXlsx.bind(summary)],
  ] as const) {
    api.get(`/api/v1/campaigns/:id/rounds/:roundNo/${suffix}`, {
      config: { access: issuerOfCampaign },
      schema: { tags: ['campaigns'], params: roundParamsSchema, produces: [kind === 'docx' ? DOCX : XLSX] },
      handler: async (request, reply) => {
        const file = await produce(viewerOf(request), request.params.id, request.params.roundNo);
        return sendDownload(reply, kind, file.fileName, file.body);
      },
    });
    api.get(`/api/v1/campaigns/:id/${suffix}`, {
      config: { access: issuerOfCampaign },
      schema: { tags: ['campaigns'], params: campaignParamsSchema, produces: [kind === 'docx' ? DOCX : XLSX] },
      handler: async (request, reply) => {
        const file = await produce(viewerOf(request), request.params.id, undefined);
        return sendDownload(reply, kind, file.fileName, file.body);
      },
    });
  }

  api.get('/api/v1/campaigns/:id/rounds/:roundNo/reports/:recipientId', {
    config: { access: issuerOfCampaign },
    schema: { tags: ['campaigns'], params: reviewParamsSchema, response: { 200: reportResponseSchema, ...errorResponses } },
    handler: async (request) => ({ report: await reports.ofRecipient(viewerOf(request), request.params.id, request.params.roundNo, request.params.recipientId) }),
  });

  api.post('/api/v1/campaigns/:id/rounds/:roundNo/reports/:recipientId/return', {
    config: { access: issuerOfCampaign },
    schema: { tags: ['campaigns'], params: reviewParamsSchema, body: returnReportRequestSchema, response: { 200: reportResponseSchema, ...errorResponses } },
    handler: async (request) => ({
      report: await reports.returnReport(viewerOf(request), request.params.id, request.params.roundNo, request.params.recipientId, request.body.comment),
    }),
  });

  api.post('/api/v1/campaigns/:id/rounds/:roundNo/reports/:recipientId/accept', {
    config: { access: issuerOfCampaign },
    schema: { tags: ['campaigns'], params: reviewParamsSchema, response: { 200: reportResponseSchema, ...errorResponses } },
    handler: async (request) => ({ report: await reports.accept(viewerOf(request), request.params.id, request.params.roundNo, request.params.recipientId) }),
  });

  // Attachments come as the file itself (Content-Type application/pdf or the DOCX type), not JSON: a parser for those
  // two types only, in a scope of its own, so every other route still answers 415 to them.
  await app.register(async (scope) => {
    scope.addContentTypeParser(Object.keys(ATTACHMENT_TYPES), { parseAs: 'buffer', bodyLimit: config.attachmentMaxBytes }, (_request, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/campaigns/:id/attachments', {
      config: { access: issuerOfCampaign },
      bodyLimit: config.attachmentMaxBytes,
      schema: { tags: ['campaigns'], params: campaignParamsSchema, querystring: attachmentQuerySchema, response: { 201: z.object({ attachment: attachmentSchema }), ...errorResponses } },
      handler: async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError('unsupported_file_type', 'send the file itself, as application/pdf or the DOCX type');
        const attachment = await campaigns.attach(viewerOf(request), request.params.id, request.query.name, request.headers['content-type'] ?? '', request.body);
        return reply.code(201).send({ attachment });
      },
    });
  });

  // ---- Issuers and recipients ----

  api.get('/api/v1/campaigns/:id', {
    config: { access: allow([...ISSUER, ...REPORTERS]) },
    schema: { tags: ['campaigns'], params: campaignParamsSchema, response: { 200: campaignResponseSchema, ...errorResponses } },
    handler: async (request) => ({ campaign: await campaigns.detail(viewerOf(request), request.params.id) }),
  });

  api.get('/api/v1/campaigns/:id/attachments/:attachmentId', {
    config: { access: allow([...ISSUER, ...REPORTERS]) },
    schema: { tags: ['campaigns'], params: attachmentParamsSchema, produces: Object.keys(ATTACHMENT_TYPES) },
    handler: async (request, reply) => {
      const { attachment, body } = await campaigns.attachment(viewerOf(request), request.params.id, request.params.attachmentId);
      return sendDownload(reply, attachment.contentType === 'application/pdf' ? 'pdf' : 'docx', attachment.fileName, body);
    },
  });

  // ---- Recipients: their inbox and their own report ----

  api.get('/api/v1/inbox', {
    config: { access: allow(REPORTERS) },
    schema: { tags: ['campaigns'], querystring: listCampaignsQuerySchema, response: { 200: inboxResponseSchema, ...errorResponses } },
    handler: async (request) => campaigns.inbox(viewerOf(request), request.query),
  });

  api.post('/api/v1/campaigns/:id/received', {
    config: { access: allow(REPORTERS) },
    schema: { tags: ['campaigns'], params: campaignParamsSchema, response: { 200: campaignResponseSchema, ...errorResponses } },
    handler: async (request) => ({ campaign: await campaigns.markReceived(viewerOf(request), request.params.id) }),
  });

  const own = (request: FastifyRequest & { params: { id: number; roundNo: number } }) => [viewerOf(request), request.params.id, request.params.roundNo] as const;

  api.get('/api/v1/campaigns/:id/rounds/:roundNo/report', {
    config: { access: allow(REPORTERS) },
    schema: { tags: ['campaigns'], params: roundParamsSchema, response: { 200: reportResponseSchema, ...errorResponses } },
    handler: async (request) => ({ report: await reports.own(...own(request)) }),
  });

  api.put('/api/v1/campaigns/:id/rounds/:roundNo/report', {
    config: { access: allow(REPORTERS) },
    schema: { tags: ['campaigns'], params: roundParamsSchema, body: saveReportRequestSchema, response: { 200: reportResponseSchema, ...errorResponses } },
    handler: async (request) => ({ report: await reports.save(...own(request), request.body) }),
  });

  api.post('/api/v1/campaigns/:id/rounds/:roundNo/report/submit', {
    config: { access: allow(REPORTERS) },
    schema: { tags: ['campaigns'], params: roundParamsSchema, response: { 200: reportResponseSchema, ...errorResponses } },
    handler: async (request) => ({ report: await reports.submit(...own(request)) }),
  });
}
