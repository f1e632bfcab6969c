import type { Locale, Role, User } from '@bluezone/contract';
import type { SessionUser } from '../http/session.js';
import { searchText } from '../platform/search-text.js';

export type { Locale, Role, SessionUser, User };

/** A user as stored, with what must never leave the server (hash, lockout state). */
export interface UserRecord extends User {
  passwordHash: string;
  failedLogins: number;
  lockedUntil: string | null;
}

export function publicUser(record: UserRecord): User {
  return {
    id: record.id,
    username: record.username,
    displayName: record.displayName,
    role: record.role,
    unitCode: record.unitCode,
    unitName: record.unitName,
    locale: record.locale,
    disabled: record.disabled,
    createdAt: record.createdAt,
    agencyId: record.agencyId,
    agencyCode: record.agencyCode,
    agencyName: record.agencyName,
    email: record.email,
    phone: record.phone,
  };
}

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  unitCode: string;
  locale: Locale;
  agencyId?: number | null;
  email?: string | null;
  phone?: string | null;
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  unitCode?: string;
  disabled?: boolean;
  passwordHash?: string;
  locale?: Locale;
  agencyId?: number | null;
  email?: string | null;
  phone?: string | null;
}

/** An agency as accounts refer to it: the agency a reporter reports for. */
export interface AgencyRef {
  id: number;
  code: string;
  unitCode: string;
}

export interface UserFilter {
  q?: string | undefined;
  /** Users of this unit and every unit below it. */
  unit: string;
  role?: Role | undefined;
}

export interface NewSession {
  tokenHash: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export interface SessionRecord {
  tokenHash: string;
  userId: number;
  csrfToken: string;
  lastSeenAt: string;
  expiresAt: string;
}

/** What the users' search column holds: the username and display name, diacritic-free (as unit search works). */
export function userSearchText(username: string, displayName: string): string {
  return searchText(`${username} ${displayName}`);
}
