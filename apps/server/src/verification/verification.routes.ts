import {
  certificateRequestSchema,
  certificateResponseSchema,
  issueCodeRequestSchema,
  issueCodeResponseSchema,
  listCodesQuerySchema,
  listCodesResponseSchema,
  verifyRequestSchema,
  verifyResponseSchema,
} from '@bluezone/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { allow, PUBLIC, viewerOf } from '../http/access.js';
import { errorResponses } from '../http/errors.js';
import { isChaff } from '../http/phone-routes.js';
import type { VerificationService } from './verification.service.js';

/** Health officers issue upload codes; phones exchange them, with no session and padded answers. */
export function registerVerificationRoutes(app: FastifyInstance, verification: VerificationService): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/v1/codes', {
    config: { access: allow(['health_officer', 'admin']) },
    schema: { tags: ['verification'], body: issueCodeRequestSchema, response: { 200: issueCodeResponseSchema, ...errorResponses } },
    handler: async (request) => verification.issueCode(viewerOf(request), request.body),
  });

  api.get('/api/v1/codes', {
    config: { access: allow(['health_officer', 'admin']) },
    schema: { tags: ['verification'], querystring: listCodesQuerySchema, response: { 200: listCodesResponseSchema, ...errorResponses } },
    handler: async (request) => verification.listCodes(viewerOf(request), request.query),
  });

  api.post('/api/v1/verify', {
    config: { access: PUBLIC, padded: true },
    schema: { tags: ['verification'], body: verifyRequestSchema, response: { 200: verifyResponseSchema, ...errorResponses } },
    handler: async (request) => verification.verifyCode(request.body.code, request.ip, isChaff(request)),
  });

  api.post('/api/v1/certificate', {
    config: { access: PUBLIC, padded: true },
    schema: { tags: ['verification'], body: certificateRequestSchema, response: { 200: certificateResponseSchema, ...errorResponses } },
    handler: async (request) => verification.issueCertificate(request.body.token, request.body.ekeyhmac, isChaff(request)),
  });
}
