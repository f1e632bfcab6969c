import type { Generated } from 'kysely';

/**
 * Tables as both dialects hold them. Timestamps are ISO 8601 UTC strings (`Date.toISOString()`), which sort as text
 * the same way on SQLite and PostgreSQL; booleans are 0/1 integers for the same reason.
 */
export interface Database {
  units: UnitTable;
  users: UserTable;
  sessions: SessionTable;
  agencies: AgencyTable;
  audit_log: AuditLogTable;
  signing_keys: SigningKeyTable;
  export_batches: ExportBatchTable;
  export_files: ExportFileTable;
  verification_codes: VerificationCodeTable;
  verification_tokens_used: VerificationTokenUsedTable;
  exposures: ExposureTable;
  server_secrets: ServerSecretTable;
}

export interface UnitTable {
  code: string;
  parent_code: string | null;
  level: string;
  name: string;
  full_name: string;
  name_en: string;
  full_name_en: string;
  search_text: string;
  created_at: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  unit_code: string;
  locale: string;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  /** username and display name, diacritic-free and lower-case (identity.model.ts userSearchText). */
  search_text: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token, hex: a stolen database does not yield usable cookies. */
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface AgencyTable {
  id: Generated<number>;
  code: string;
  name: string;
  unit_code: string;
  group_name: string | null;
  created_at: string;
  updated_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_username: string | null;
  /** The actor's unit when they acted (null: the system, or a name that is no account). */
  actor_unit_code: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  /** JSON text. */
  detail: string | null;
}

export interface SigningKeyTable {
  id: Generated<number>;
  key_id: string;
  version: string;
  algorithm: string;
  public_key_pem: string;
  created_at: string;
  activated_at: string;
  /** When a newer key became active; the key stays published for the overlap after it. */
  retired_at: string | null;
  /** The private key sealed under BLUEZONE_KEY_ENCRYPTION_KEY when keys live in the database (0008), else null. */
  private_key_sealed: string | null;
}

/** Secrets every server process must share (the verification key and code secret), sealed like signing keys (0008). */
export interface ServerSecretTable {
  name: string;
  sealed: string;
  created_at: string;
}

/** Unix-second and byte columns are bigint on PostgreSQL, which pg returns as strings: stores convert with Number(). */
export interface ExportBatchTable {
  id: Generated<number>;
  region: string;
  start_timestamp: number | string;
  end_timestamp: number | string;
  /** `pending` while a process cuts it (under a lease), `complete` once its files are written. */
  status: string;
  lease_expires_at: string;
  file_count: number;
  key_count: number;
  real_key_count: number;
  revised_key_count: number;
  bytes: number | string;
  created_at: string;
  completed_at: string | null;
}

export interface ExportFileTable {
  id: Generated<number>;
  batch_id: number;
  region: string;
  /** Path under the exports directory, as index.txt lists it: `VN/1700000000-1700003600-00001.zip`. */
  name: string;
  start_timestamp: number | string;
  end_timestamp: number | string;
  batch_num: number;
  batch_size: number;
  key_count: number;
  bytes: number;
  created_at: string;
}

export interface VerificationCodeTable {
  id: Generated<number>;
  uuid: string;
  /** HMAC-SHA256(server secret, code), hex; null once the code was claimed or expired. */
  code_hash: string | null;
  long_code_hash: string | null;
  test_type: string;
  symptom_date: string | null;
  test_date: string | null;
  issued_by: number | null;
  issued_at: string;
  expires_at: string;
  long_expires_at: string;
  claimed_at: string | null;
}

export interface VerificationTokenUsedTable {
  jti: string;
  used_at: string;
  expires_at: string;
}

/** A published key. `available_at` is the embargo: a key still valid on the phone waits until it expires. */
export interface ExposureTable {
  id: Generated<number>;
  key_data: Buffer;
  transmission_risk: number;
  rolling_start_interval: number;
  rolling_period: number;
  /** `confirmed`, `likely`, `negative` or `revoked`. */
  report_type: string;
  days_since_onset: number | null;
  traveler: number;
  health_authority: string;
  created_at: string;
  available_at: string;
  revised_at: string | null;
  revised_report_type: string | null;
  revised_transmission_risk: number | null;
  revised_days_since_onset: number | null;
}
