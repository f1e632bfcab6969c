import { z } from 'zod';
import { paddingSchema, responsePaddingSchema } from './verification.js';

/**
 * Publishing keys: the shape of Google's exposure-notifications-server v1 publish API (pkg/api/v1/exposure_types.go),
 * so phones built for it need only our base URL.
 */
export const exposureKeySchema = z.object({
  /** The 16-byte TEK, standard base64. */
  key: z.string().max(64),
  rollingStartNumber: z.number().int().min(0).max(0xffffffff),
  rollingPeriod: z.number().int(),
  transmissionRisk: z.number().int().optional(),
});
export type PublishExposureKey = z.infer<typeof exposureKeySchema>;

export const publishRequestSchema = z.object({
  temporaryExposureKeys: z.array(exposureKeySchema).min(1).max(1000),
  healthAuthorityID: z.string().max(128),
  /** The certificate from POST /certificate. */
  verificationPayload: z.string().max(4096),
  /** base64 key of the HMAC the certificate binds (its `tekmac` claim). */
  hmacKey: z.string().max(128),
  symptomOnsetInterval: z.number().int().min(0).optional(),
  traveler: z.boolean().optional(),
  revisionToken: z.string().max(8192).optional(),
  padding: paddingSchema.optional(),
});
export type PublishRequest = z.infer<typeof publishRequestSchema>;

export const publishResponseSchema = z.object({
  insertedExposures: z.number().int(),
  /** Present it with the same keys later to revise them (likely → confirmed, or withdraw them with a negative test). */
  revisionToken: z.string(),
  /** Keys dropped and why; the rest were published. */
  warnings: z.array(z.string()).optional(),
  padding: responsePaddingSchema,
});
export type PublishResponse = z.infer<typeof publishResponseSchema>;
