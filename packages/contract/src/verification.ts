import { z } from 'zod';
import { exportFileSchema } from './export.js';
import { timestampSchema } from './common.js';
import { nextCursorSchema, pageQuerySchema } from './pagination.js';

/**
 * Upload codes, verification tokens and certificates: the shapes of Google's exposure-notifications-verification-
 * server (pkg/api/api.go), so its documentation and phone clients apply. The phone sends no identity at any step.
 */

/** What the health officer attests: `confirmed` test, `likely` (clinical diagnosis), or `negative` (revokes keys). */
export const testTypeSchema = z.enum(['confirmed', 'likely', 'negative']);
export type TestType = z.infer<typeof testTypeSchema>;

/** A calendar day, YYYY-MM-DD (the date of symptom onset or of the test; no time, no person). */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const issueCodeRequestSchema = z.object({
  testType: testTypeSchema,
  symptomDate: isoDateSchema.optional(),
  testDate: isoDateSchema.optional(),
});
export type IssueCodeRequest = z.infer<typeof issueCodeRequestSchema>;

export const issueCodeResponseSchema = z.object({
  uuid: z.string(),
  /** The short code an officer reads out (8 digits by default). */
  code: z.string(),
  expiresAt: timestampSchema,
  /** The long code for the deep link `bluezone://verify?c=LONGCODE` (16 characters by default). */
  longCode: z.string(),
  longExpiresAt: timestampSchema,
});
export type IssueCodeResponse = z.infer<typeof issueCodeResponseSchema>;

export const codeStateSchema = z.enum(['unclaimed', 'claimed', 'expired']);
export type CodeState = z.infer<typeof codeStateSchema>;

/** A code as the console lists it: never the code itself (only its hash is stored) and no personal data. */
export const issuedCodeSchema = z.object({
  uuid: z.string(),
  testType: testTypeSchema,
  state: codeStateSchema,
  issuedAt: timestampSchema,
  expiresAt: timestampSchema,
  longExpiresAt: timestampSchema,
  claimedAt: timestampSchema.nullable(),
});
export type IssuedCode = z.infer<typeof issuedCodeSchema>;
export const listCodesQuerySchema = pageQuerySchema;
export type ListCodesQuery = z.infer<typeof listCodesQuerySchema>;
export const listCodesResponseSchema = z.object({ codes: z.array(issuedCodeSchema), nextCursor: nextCursorSchema });
export type ListCodesResponse = z.infer<typeof listCodesResponseSchema>;

/** Random base64 that phones send and servers answer with, so message sizes say nothing; always ignored. */
export const paddingSchema = z.string().max(16_384);
/** On every answer of verify, certificate and publish, success or error: added by the server after serialization. */
export const responsePaddingSchema = z.string().optional();

export const verifyRequestSchema = z.object({ code: z.string().max(64), padding: paddingSchema.optional() });
export type VerifyRequest = z.infer<typeof verifyRequestSchema>;
export const verifyResponseSchema = z.object({
  /** Signed, valid 24 hours, exchanged once for a certificate. */
  token: z.string(),
  testType: testTypeSchema,
  symptomDate: isoDateSchema.optional(),
  testDate: isoDateSchema.optional(),
  padding: responsePaddingSchema,
});
export type VerifyResponse = z.infer<typeof verifyResponseSchema>;

export const certificateRequestSchema = z.object({
  token: z.string().max(4096),
  /** base64 HMAC-SHA256 of the keys the phone will publish, under a key only the phone knows. */
  ekeyhmac: z.string().max(128),
  padding: paddingSchema.optional(),
});
export type CertificateRequest = z.infer<typeof certificateRequestSchema>;
export const certificateResponseSchema = z.object({ certificate: z.string(), padding: responsePaddingSchema });
export type CertificateResponse = z.infer<typeof certificateResponseSchema>;

/** A count shown to health officers: below 10 it is the string "<10", so small numbers identify nobody. */
export const smallCountSchema = z.union([z.number().int().min(10), z.literal('<10')]);
export type SmallCount = z.infer<typeof smallCountSchema>;

export const exposureNotificationDaySchema = z.object({
  date: isoDateSchema,
  codesIssued: smallCountSchema,
  codesClaimed: smallCountSchema,
  keysPublished: smallCountSchema,
});
export const exposureNotificationStatsResponseSchema = z.object({
  days: z.array(exposureNotificationDaySchema),
  exportFiles: z.array(exportFileSchema),
});
export type ExposureNotificationStatsResponse = z.infer<typeof exposureNotificationStatsResponseSchema>;
