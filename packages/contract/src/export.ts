import { z } from 'zod';
import { timestampSchema } from './common.js';

/**
 * Export keys and files: what phones and auditors need to check the signed batches under `/exports/<region>/`.
 * Public: the public keys are meant to be copied everywhere.
 */
export const exportKeySchema = z.object({
  /** verification_key_id of the files' signatureInfo, e.g. `bluezone_vn` ([A-Za-z0-9_], export.proto). */
  keyId: z.string(),
  /** verification_key_version, `v1`, `v2`, ... */
  version: z.string(),
  /** ASN.1 OID of the signature algorithm, `1.2.840.10045.4.3.2` (ECDSA P-256 with SHA-256). */
  algorithm: z.string(),
  /** SPKI PEM (`-----BEGIN PUBLIC KEY-----`). */
  publicKeyPem: z.string(),
});
export type ExportKeyInfo = z.infer<typeof exportKeySchema>;

/** Active key first, then the retired keys still in their overlap, newest first. */
export const listExportKeysResponseSchema = z.array(exportKeySchema);
export type ListExportKeysResponse = z.infer<typeof listExportKeysResponseSchema>;

/**
 * One live export file (listed in index.txt), in the exposure-notification statistics. `keys` counts padding keys
 * too: the file itself is public.
 */
export const exportFileSchema = z.object({
  region: z.string(),
  /** Path under `/exports/`, as index.txt lists it: `VN/1700000000-1700003600-00001.zip`. */
  name: z.string(),
  startTimestamp: z.number().int(),
  endTimestamp: z.number().int(),
  batchNum: z.number().int(),
  batchSize: z.number().int(),
  keys: z.number().int(),
  bytes: z.number().int(),
  createdAt: timestampSchema,
});
export type ExportFileInfo = z.infer<typeof exportFileSchema>;
