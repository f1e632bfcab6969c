import {
  certificateRequestSchema,
  certificateResponseSchema,
  exposureNotificationStatsResponseSchema,
  issueCodeRequestSchema,
  issueCodeResponseSchema,
  listCodesResponseSchema,
  verifyRequestSchema,
  verifyResponseSchema,
} from '@bluezone/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../errors.js';
import { errorResponses } from '../http/errors.js';
import { requireSession } from '../http/session.js';
import type { ExposureNotificationStatistics } from './statistics.service.js';
import type { VerificationService } from './verification.service.js';

async function healthOfficerOrAdmin(request: FastifyRequest): Promise<void> {
  const { user } = requireSession(request);
  if (user.role !== 'health_officer' && user.role !== 'admin') throw new AppError('forbidden', 'health officers and administrators only');
}

/** `X-Chaff: 1`: a phone's decoy request, answered like a real one and writing nothing. */
export function isChaff(request: FastifyRequest): boolean {
  return request.headers['x-chaff'] === '1';
}

/**
 * Phone routes log nothing at info level, so fastify's request lines (which carry the client address) are never
 * written for them: the address of a phone that uploads keys is the one thing that would tie keys to a person.
 */
export const PHONE_ROUTE_LOG_LEVEL = 'warn';

export function registerVerificationRoutes(app: FastifyInstance, deps: { verification: VerificationService; statistics: ExposureNotificationStatistics }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { verification, statistics } = deps;

  api.post('/api/v1/codes', {
    onRequest: healthOfficerOrAdmin,
    schema: { tags: ['verification'], body: issueCodeRequestSchema, response: { 200: issueCodeResponseSchema, ...errorResponses } },
    handler: async (request) => verification.issueCode(requireSession(request).user, request.body),
  });

  api.get('/api/v1/codes', {
    onRequest: healthOfficerOrAdmin,
    schema: { tags: ['verification'], response: { 200: listCodesResponseSchema, ...errorResponses } },
    handler: async (request) => verification.listCodes(requireSession(request).user),
  });

  api.post('/api/v1/verify', {
    logLevel: PHONE_ROUTE_LOG_LEVEL,
    schema: { tags: ['verification'], body: verifyRequestSchema, response: { 200: verifyResponseSchema, ...errorResponses } },
    handler: async (request) => verification.verifyCode(request.body.code, request.ip, isChaff(request)),
  });

  api.post('/api/v1/certificate', {
    logLevel: PHONE_ROUTE_LOG_LEVEL,
    schema: { tags: ['verification'], body: certificateRequestSchema, response: { 200: certificateResponseSchema, ...errorResponses } },
    handler: async (request) => verification.issueCertificate(request.body.token, request.body.ekeyhmac, isChaff(request)),
  });

  api.get('/api/v1/stats/exposure-notification', {
    onRequest: healthOfficerOrAdmin,
    schema: { tags: ['verification'], response: { 200: exposureNotificationStatsResponseSchema, ...errorResponses } },
    handler: async (request) => statistics.forViewer(requireSession(request).user),
  });
}
