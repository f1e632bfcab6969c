import { listExportKeysResponseSchema } from '@bluezone/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PUBLIC } from '../http/access.js';
import { errorResponses } from '../http/errors.js';
import type { SigningKeysService } from './signing-keys.service.js';

/** Public: phones and auditors fetch the keys that verify export files; no session needed. */
export function registerSigningKeysRoutes(app: FastifyInstance, signingKeys: SigningKeysService): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/export-keys', {
    config: { access: PUBLIC },
    schema: { tags: ['export'], response: { 200: listExportKeysResponseSchema, ...errorResponses } },
    handler: async () => signingKeys.listPublished(),
  });
}
