import { z } from 'zod';
import { idSchema, timestampSchema } from './common.js';

export const auditEntrySchema = z.object({
  id: idSchema,
  at: timestampSchema,
  actorId: z.number().int().nullable(),
  actorUsername: z.string().nullable(),
  /** Dotted verb, e.g. `auth.login`, `auth.login_failed`, `user.create`, `user.read`, `agency.update`. */
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  /** Free JSON: what changed (never a password or a token). */
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const listAuditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Return entries with an id below this (the `nextBefore` of the previous page). */
  before: z.coerce.number().int().positive().optional(),
  actor: z.string().trim().min(1).max(64).optional(),
  action: z.string().trim().min(1).max(64).optional(),
});
export type ListAuditQuery = z.infer<typeof listAuditQuerySchema>;

export const listAuditResponseSchema = z.object({
  entries: z.array(auditEntrySchema),
  nextBefore: z.number().int().nullable(),
});
export type ListAuditResponse = z.infer<typeof listAuditResponseSchema>;
