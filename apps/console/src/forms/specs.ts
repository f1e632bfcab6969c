import { parseDay } from '../components/format.js';
import type { FieldSpec } from './validation.js';

// The contract's rules for the fields the console's forms send (packages/contract/src/identity.ts, agencies.ts,
// common.ts, audit.ts), as cheap client checks. The server applies the same schemas and has the last word.

/** usernameSchema: trimmed, lower-cased, 3 to 64 of a-z 0-9 . - _ */
export const USERNAME: FieldSpec = {
  labelKey: 'profile.username',
  required: true,
  minLength: 3,
  maxLength: 64,
  pattern: /^[a-z0-9._-]+$/,
  normalize: (value) => value.trim().toLowerCase(),
  formatKey: 'fields.formats.username',
  takenKey: 'fields.usernameTaken',
};

/** loginRequestSchema: any non-empty name, so a mistyped one reads "wrong username or password". */
export const LOGIN_USERNAME: FieldSpec = { labelKey: 'auth.username', required: true, maxLength: 256 };
export const LOGIN_PASSWORD: FieldSpec = { labelKey: 'auth.password', required: true, maxLength: 256, normalize: (v) => v };

/** newPasswordSchema: 10 to 256 characters, not trimmed (spaces count in a passphrase). */
export const MIN_PASSWORD_LENGTH = 10;
export const NEW_PASSWORD: FieldSpec = {
  labelKey: 'password.new',
  required: true,
  minLength: MIN_PASSWORD_LENGTH,
  maxLength: 256,
  normalize: (value) => value,
};

/** displayNameSchema */
export const DISPLAY_NAME: FieldSpec = { labelKey: 'profile.displayName', required: true, maxLength: 200 };

/** unitCodeSchema */
export const UNIT_CODE: FieldSpec = {
  labelKey: 'users.unitCode',
  maxLength: 32,
  pattern: /^[A-Za-z0-9_-]+$/,
  formatKey: 'fields.formats.unitCode',
};

/** createUnitRequestSchema and updateUnitRequestSchema (packages/contract/src/units.ts) */
export const UNIT_NEW_CODE: FieldSpec = { ...UNIT_CODE, labelKey: 'units.newCode', required: true, takenKey: 'units.codeTaken' };
export const UNIT_LEVEL: FieldSpec = {
  labelKey: 'units.level',
  required: true,
  maxLength: 32,
  pattern: /^[a-z_]+$/,
  formatKey: 'fields.formats.unitLevel',
};
export const UNIT_NAME: FieldSpec = { labelKey: 'units.name', required: true, maxLength: 200 };
export const UNIT_FULL_NAME: FieldSpec = { labelKey: 'units.fullName', maxLength: 300 };
export const UNIT_NAME_EN: FieldSpec = { labelKey: 'units.nameEn', maxLength: 200 };
export const UNIT_FULL_NAME_EN: FieldSpec = { labelKey: 'units.fullNameEn', maxLength: 300 };

/** createAgencyRequestSchema */
export const AGENCY_NAME: FieldSpec = { labelKey: 'agencies.name', required: true, maxLength: 300 };
export const AGENCY_CODE: FieldSpec = {
  labelKey: 'agencies.code',
  maxLength: 64,
  pattern: /^[A-Za-z0-9._-]+$/,
  formatKey: 'fields.formats.agencyCode',
  takenKey: 'fields.agencyCodeTaken',
};
export const AGENCY_GROUP: FieldSpec = { labelKey: 'agencies.group', maxLength: 100 };

/** Searches: listUsersQuerySchema.q and listUnitsQuerySchema.q are at most 200 characters. */
export const SEARCH_TEXT: FieldSpec = { labelKey: 'common.searchText', maxLength: 200 };

/** A calendar day typed day first (calendarDaySchema and isoDateSchema take it as YYYY-MM-DD once parsed). */
export const DAY: FieldSpec = { labelKey: 'common.date', valid: (value) => parseDay(value) !== null, formatKey: 'fields.formats.day' };

// Notices to citizens (createNoticeRequestSchema, packages/contract/src/notices.ts).
export const NOTICE_TITLE: FieldSpec = { labelKey: 'notices.titleField', required: true, maxLength: 120 };
export const NOTICE_BODY: FieldSpec = { labelKey: 'notices.bodyField', required: true, maxLength: 4000 };
export const NOTICE_TITLE_EN: FieldSpec = { labelKey: 'notices.titleEnField', maxLength: 120 };
export const NOTICE_BODY_EN: FieldSpec = { labelKey: 'notices.bodyEnField', maxLength: 4000 };
