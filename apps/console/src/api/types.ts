// Shapes of the JSON the server speaks (see the HTTP contract). They mirror @bluezone/contract; when that package
// exports its inferred types, these become re-exports of it.

export const ROLES = ['admin', 'health_officer', 'unit_officer', 'agency_reporter', 'campaign_issuer'] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const ERROR_CODES = [
  'validation_failed',
  'malformed_json',
  'body_too_large',
  'unauthenticated',
  'invalid_credentials',
  'account_locked',
  'rate_limited',
  'csrf_failed',
  'forbidden',
  'not_found',
  'conflict',
  'unknown_unit',
  'internal',
] as const;
/** Codes the server documents, plus the two the client itself produces when no server answer can be read. */
export type ErrorCode = (typeof ERROR_CODES)[number] | 'network_error' | 'unexpected_response';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitCode: string;
  unitName: string;
  locale: Locale;
  disabled: boolean;
  createdAt: string;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface Unit {
  code: string;
  name: string;
  fullName: string;
  level: string;
  parentCode: string | null;
}

export interface UnitDetail extends Unit {
  nameEn?: string;
  fullNameEn?: string;
  path: Array<Pick<Unit, 'code' | 'name'> & Partial<Unit>> | string[];
}

export interface Agency {
  id: string;
  code: string;
  name: string;
  unitCode: string;
  group: string | null;
  createdAt: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  detail: unknown;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextBefore: string | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitCode: string;
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  unitCode?: string;
  disabled?: boolean;
  password?: string;
}

export interface AgencyInput {
  code?: string;
  name: string;
  unitCode: string;
  group?: string;
}
