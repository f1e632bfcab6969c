// The console's view of the HTTP contract. Types come from @bluezone/contract (type-only imports: the zod schemas
// stay out of the browser bundle); the few lists the screens iterate over are spelled here as records keyed by the
// contract's unions, so the compiler reports any code, role or language added to the contract and missing here.
import type {
  Agency,
  AuditAction,
  AuditEntry,
  AuditFilterQuery,
  CreateAgencyRequest,
  CreateUnitRequest,
  CreateUserRequest,
  ErrorCode as ContractErrorCode,
  FieldError,
  FieldProblem,
  IssuedCode,
  ListAuditQuery,
  ListAuditResponse,
  ListUsersQuery,
  Locale,
  Role,
  SessionResponse,
  UnitDetail,
  UnitSummary,
  UpdateAgencyRequest,
  UpdateUnitRequest,
  UpdateUserRequest,
  User,
} from '@bluezone/contract';

export type { Agency, AuditAction, AuditEntry, FieldError, FieldProblem, IssuedCode, Locale, Role, UnitDetail, User };
export type Session = SessionResponse;
export type Unit = UnitSummary;
export type NewUser = CreateUserRequest;
export type UserChanges = UpdateUserRequest;
export type AgencyInput = CreateAgencyRequest;
export type NewUnit = CreateUnitRequest;
export type UnitNames = UpdateUnitRequest;
export type AgencyChanges = UpdateAgencyRequest;
export type AuditPage = ListAuditResponse;
export type AuditQuery = Partial<ListAuditQuery>;
export type AuditFilter = AuditFilterQuery;
export type UserQuery = ListUsersQuery;

/** One page of a keyset-paged list: its rows, and the cursor of the next page (null on the last one). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const ROLE_ORDER: Record<Role, number> = {
  admin: 0,
  health_officer: 1,
  unit_officer: 2,
  agency_reporter: 3,
  campaign_issuer: 4,
};
export const ROLES = (Object.keys(ROLE_ORDER) as Role[]).sort((a, b) => ROLE_ORDER[a] - ROLE_ORDER[b]);

const LOCALE_SET: Record<Locale, true> = { vi: true, en: true };
/** Vietnamese first: it is the default and the fallback. */
export const LOCALES = Object.keys(LOCALE_SET) as Locale[];

const ERROR_CODE_SET: Record<ContractErrorCode, true> = {
  validation_failed: true,
  malformed_json: true,
  unknown_unit: true,
  unauthenticated: true,
  invalid_credentials: true,
  csrf_failed: true,
  forbidden: true,
  not_found: true,
  conflict: true,
  body_too_large: true,
  unsupported_media_type: true,
  account_locked: true,
  rate_limited: true,
  internal: true,
  unavailable: true,
  invalid_code: true,
  token_invalid: true,
  token_used: true,
  hmac_mismatch: true,
  too_many_keys: true,
  overlapping_keys: true,
  invalid_key: true,
  invalid_revision_token: true,
  revision_not_allowed: true,
  certificate_invalid: true,
  unknown_health_authority: true,
  // Campaign reporting.
  unknown_agency: true,
  unknown_indicator: true,
  installed_exceeds_staff: true,
  report_incomplete: true,
  round_closed: true,
  report_state: true,
  unsupported_file_type: true,
  // Health declarations.
  status_not_allowed: true,
  invalid_self_report_key: true,
};
export const ERROR_CODES = Object.keys(ERROR_CODE_SET) as ContractErrorCode[];

/** The server's codes, plus the two the client itself produces when no server answer can be read. */
export type ErrorCode = ContractErrorCode | 'network_error' | 'unexpected_response';
