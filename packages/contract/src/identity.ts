import { z } from 'zod';
import { localeSchema, timestampSchema, unitCodeSchema, idSchema, SOMETHING_TO_CHANGE } from './common.js';
import { nextCursorSchema, pageQuerySchema } from './pagination.js';

export const ROLES = ['admin', 'health_officer', 'unit_officer', 'agency_reporter', 'campaign_issuer'] as const;
export const roleSchema = z.enum(ROLES, { error: `must be one of: ${ROLES.join(', ')}` });
export type Role = z.infer<typeof roleSchema>;

export const userSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  unitCode: z.string(),
  unitName: z.string(),
  locale: localeSchema,
  disabled: z.boolean(),
  createdAt: timestampSchema,
  // Campaign reporting: an agency reporter reports for one agency; e-mail and phone are how reminders and issuers reach them.
  agencyId: z.number().int().nullable(),
  agencyCode: z.string().nullable(),
  agencyName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

// Messages are sentences that follow the field's name ("password must be at least 10 characters"): the API prefixes
// them with the field's path and the CLI with its flag, so people read what to fix instead of schema jargon.

/** Lower-case letters, digits, dot, dash, underscore: safe in logs, URLs and audit lines. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'must be at least 3 characters')
  .max(64, 'must be at most 64 characters')
  .regex(/^[a-z0-9._-]+$/, 'may contain only lower-case letters, digits, ".", "-" and "_"');

/** Length is what makes a password strong; 10 is the floor, 256 keeps scrypt input bounded. */
export const newPasswordSchema = z.string().min(10, 'must be at least 10 characters').max(256, 'must be at most 256 characters');
export const displayNameSchema = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
export const emailSchema = z.email('must be an e-mail address').max(254, 'must be at most 254 characters');
/** Digits with an optional leading +, spaces, dots and dashes allowed as typed: 0912 345 678, +84 912-345-678. */
export const phoneSchema = z
  .string()
  .trim()
  .min(6, 'must be at least 6 characters')
  .max(20, 'must be at most 20 characters')
  .regex(/^\+?[0-9][0-9 .-]*[0-9]$/, 'must be a phone number: digits, an optional leading +');
const agencyCodeRefSchema = z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters').regex(/^[A-Za-z0-9._-]+$/, 'must be an agency code');

export const loginRequestSchema = z.object({
  // Not the strict username schema: a mistyped username must answer invalid_credentials, not validation_failed.
  username: z.string().trim().toLowerCase().min(1).max(256),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionResponseSchema = z.object({ user: userSchema, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const updateMeRequestSchema = z.object({ locale: localeSchema }).strict();
export type UpdateMeRequest = z.infer<typeof updateMeRequestSchema>;

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: newPasswordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const userResponseSchema = z.object({ user: userSchema });
export type UserResponse = z.infer<typeof userResponseSchema>;

export const listUsersQuerySchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    /** Users of this unit and the units below it (default: the viewer's own unit). */
    unit: unitCodeSchema.optional(),
    role: roleSchema.optional(),
  })
  .extend(pageQuerySchema.shape);
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

export const listUsersResponseSchema = z.object({ users: z.array(userSchema), nextCursor: nextCursorSchema });
export type ListUsersResponse = z.infer<typeof listUsersResponseSchema>;

export const createUserRequestSchema = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema,
    password: newPasswordSchema,
    role: roleSchema,
    unitCode: unitCodeSchema,
    /** The agency an agency_reporter reports for (required for that role, refused for the others). */
    agencyCode: agencyCodeRefSchema.optional(),
    email: emailSchema.optional(),
    phone: phoneSchema.optional(),
  })
  .strict();
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z
  .object({
    displayName: displayNameSchema.optional(),
    role: roleSchema.optional(),
    unitCode: unitCodeSchema.optional(),
    disabled: z.boolean().optional(),
    password: newPasswordSchema.optional(),
    agencyCode: agencyCodeRefSchema.nullable().optional(),
    email: emailSchema.nullable().optional(),
    phone: phoneSchema.nullable().optional(),
  })
  .strict()
  .refine(...SOMETHING_TO_CHANGE);
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;
