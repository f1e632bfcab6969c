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
  action: string;
  target_type: string | null;
  target_id: string | null;
  /** JSON text. */
  detail: string | null;
}
