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
  notices: NoticeTable;
  audit_log: AuditLogTable;
  signing_keys: SigningKeyTable;
  export_batches: ExportBatchTable;
  export_files: ExportFileTable;
  verification_codes: VerificationCodeTable;
  verification_tokens_used: VerificationTokenUsedTable;
  exposures: ExposureTable;
  // Campaign reporting and notifications (migration 0006).
  notifications: NotificationTable;
  campaigns: CampaignTable;
  campaign_recipients: CampaignRecipientTable;
  campaign_rounds: CampaignRoundTable;
  campaign_reports: CampaignReportTable;
  campaign_report_values: CampaignReportValueTable;
  campaign_attachments: CampaignAttachmentTable;
  campaign_reminders: CampaignReminderTable;
  // Health declarations and epidemic areas (migration 0007).
  epidemic_areas: EpidemicAreaTable;
  declarations: DeclarationTable;
  declaration_routes: DeclarationRouteTable;
  declaration_visits: DeclarationVisitTable;
  declaration_events: DeclarationEventTable;
  declaration_checks: DeclarationCheckTable;
  health_stations: HealthStationTable;
  declaration_webhooks: DeclarationWebhookTable;
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
  /** The agency an agency reporter reports for (0006). */
  agency_id: number | null;
  email: string | null;
  phone: string | null;
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

export interface NoticeTable {
  id: Generated<number>;
  title: string;
  body: string;
  title_en: string | null;
  body_en: string | null;
  unit_code: string;
  created_by: number;
  created_at: string;
  retired_at: string | null;
  retired_by: number | null;
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

// ---- Campaign reporting and notifications (0006) ----

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  /** JSON object of the kind's parameters. */
  params: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

export interface CampaignTable {
  id: Generated<number>;
  document_number: string;
  title: string;
  /** Calendar day, YYYY-MM-DD. */
  issued_on: string;
  issuing_body: string;
  /** The issuer's unit: issuers of this unit and the units above it see the campaign. */
  unit_code: string;
  body: string;
  /** JSON array of the form's indicators (contract `Indicator`). */
  indicators: string;
  /** JSON object of the official report's header (contract `ReportHeader`). */
  header: string;
  /** JSON of the recipients as picked (contract `RecipientPicks`), before expansion. */
  recipient_picks: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface CampaignRecipientTable {
  id: Generated<number>;
  campaign_id: number;
  unit_code: string | null;
  agency_id: number | null;
  home_unit_code: string;
  received_at: string | null;
}

export interface CampaignRoundTable {
  id: Generated<number>;
  campaign_id: number;
  round_no: number;
  name: string;
  period_start: string | null;
  period_end: string;
  /** Calendar day in Vietnam; `deadline_at` is its last millisecond as UTC. */
  deadline: string;
  deadline_at: string;
  closed_at: string | null;
  created_at: string;
}

export interface CampaignReportTable {
  id: Generated<number>;
  round_id: number;
  recipient_id: number;
  /** draft, submitted, returned, accepted. */
  status: string;
  staff_total: number | null;
  staff_installed: number | null;
  proposals: string | null;
  submitted_at: string | null;
  late: number;
  review_comment: string | null;
  reviewed_at: string | null;
  reviewed_by: number | null;
  created_at: string;
  updated_at: string;
  updated_by: number | null;
}

export interface CampaignReportValueTable {
  report_id: number;
  indicator: string;
  quantity: number;
  /** Entered by the reporter; null when the indicator has a target (then computed) or none was given. */
  percent: number | null;
  note: string | null;
}

export interface CampaignAttachmentTable {
  id: Generated<number>;
  campaign_id: number;
  file_name: string;
  content_type: string;
  bytes: number;
  sha256: string;
  /** File name under the attachments directory. */
  storage_name: string;
  created_by: number | null;
  created_at: string;
}

export interface CampaignReminderTable {
  round_id: number;
  recipient_id: number;
  /** `before` or `after` the deadline. */
  kind: string;
  sent_at: string;
  notified: number;
  emailed: number;
}

// Health declarations and epidemic areas (migration 0007).

export interface EpidemicAreaTable {
  id: Generated<number>;
  name: string;
  /** An official unit of Vietnam or of this tree (no foreign key: most lie outside the installation's province). */
  unit_code: string | null;
  place: string | null;
  /** `place` diacritic-free and lower-case, matched against visits abroad. */
  place_search: string | null;
  from_day: string;
  to_day: string | null;
  reason: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface DeclarationTable {
  id: Generated<number>;
  receipt: string;
  kind: string;
  full_name: string;
  year_of_birth: number;
  gender: string;
  nationality: string | null;
  id_number: string | null;
  phone: string;
  email: string | null;
  residence_unit_code: string;
  residence_address: string;
  /** JSON `{fullName, phone, relationship}` of whoever declared for the person, or null. */
  declared_by: string | null;
  /** JSON array of symptom codes. */
  symptoms: string;
  other_symptom: string | null;
  contact_case: number;
  contact_arrival: number;
  contact_fever: number;
  chronic_conditions: string | null;
  warned_by_app: number | null;
  /** JSON of the entry details, for an entry declaration. */
  entry: string | null;
  suspected: number;
  arrival: number;
  /** JSON array of the assessment's reasons. */
  reasons: string;
  rule: string;
  monitoring_until: string | null;
  status: string;
  next_follow_up: string | null;
  declared_at: string;
  declared_day: string;
  receipt_expires_at: string;
  updated_at: string;
  /** SHA-256 (hex) of the declarant's self-report key; null for declarations made before the key existed. */
  self_report_key_hash: string | null;
}

export interface DeclarationRouteTable {
  declaration_id: number;
  unit_code: string;
  primary_unit_code: string;
  /** 2 suspected, 1 arrival from an epidemic area, 0 neither: queues sort on it first. */
  priority: number;
  suspected: number;
  arrival: number;
  status: string;
  declared_at: string;
  declared_day: string;
}

export interface DeclarationVisitTable {
  id: Generated<number>;
  declaration_id: number;
  position: number;
  unit_code: string | null;
  place: string | null;
  place_search: string | null;
  from_day: string;
  to_day: string;
}

export interface DeclarationEventTable {
  id: Generated<number>;
  declaration_id: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  next_follow_up: string | null;
}

export interface DeclarationCheckTable {
  declaration_id: number;
  day: string;
  symptoms: string;
  note: string | null;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
}

export interface HealthStationTable {
  unit_code: string;
  phone: string | null;
  updated_by: number | null;
  updated_at: string;
}

/** The outbox of the declarations webhook: one row per event, retried until the receiver answers 2xx. */
export interface DeclarationWebhookTable {
  id: Generated<number>;
  event: string;
  /** The exact JSON body to POST (and sign); no personal data. */
  body: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  /** A process delivering the row holds it until then, so two processes never send it twice at once. */
  lease_until: string | null;
  delivered_at: string | null;
  last_error: string | null;
  created_at: string;
}
