import type { Locale, Role } from '@bluezone/contract';
import { isUniqueViolation } from '../db/database.js';
import { columnContains } from '../db/like.js';
import { Store } from '../db/transactions.js';
import { unitWithin } from '../db/unit-tree.js';
import { AppError } from '../errors.js';
import { searchWords } from '../platform/search-text.js';
import { userSearchText, type AgencyRef, type NewSession, type NewUser, type SessionRecord, type UserChanges, type UserFilter, type UserRecord } from './identity.model.js';
import type { IdentityRepository } from './identity.service.js';

/** Users and their sessions. */
export class IdentityStore extends Store implements IdentityRepository {
  private users() {
    return this.db
      .selectFrom('users')
      .innerJoin('units', 'units.code', 'users.unit_code')
      .leftJoin('agencies', 'agencies.id', 'users.agency_id')
      .select([
        'users.id',
        'users.username',
        'users.display_name',
        'users.password_hash',
        'users.role',
        'users.unit_code',
        'units.name as unit_name',
        'users.locale',
        'users.disabled',
        'users.failed_logins',
        'users.locked_until',
        'users.created_at',
        'users.agency_id',
        'agencies.code as agency_code',
        'agencies.name as agency_name',
        'users.email',
        'users.phone',
      ]);
  }

  async findByUsername(username: string): Promise<UserRecord | undefined> {
    const row = await this.users().where('users.username', '=', username).executeTakeFirst();
    return row && toRecord(row);
  }

  async findById(id: number): Promise<UserRecord | undefined> {
    const row = await this.users().where('users.id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  /** Users of the subtree of `filter.unit`, by username, `limit` of them after the username `after`. */
  async list(filter: UserFilter, limit: number, after?: string): Promise<UserRecord[]> {
    let query = this.users().where(unitWithin(this.db, 'users.unit_code', filter.unit)).orderBy('users.username').limit(limit);
    if (after !== undefined) query = query.where('users.username', '>', after);
    if (filter.role !== undefined) query = query.where('users.role', '=', filter.role);
    // Every word of the query must appear, with or without diacritics ("le van" finds "Lê Văn Nam").
    for (const word of searchWords(filter.q ?? '')) query = query.where(columnContains('users.search_text', word));
    return (await query.execute()).map(toRecord);
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Inserts a user; a taken username is `conflict` whichever of two racing requests loses. */
  async insert(user: NewUser, at: Date): Promise<number> {
    try {
      const row = await this.db
        .insertInto('users')
        .values({
          username: user.username,
          display_name: user.displayName,
          search_text: userSearchText(user.username, user.displayName),
          password_hash: user.passwordHash,
          role: user.role,
          unit_code: user.unitCode,
          locale: user.locale,
          disabled: 0,
          failed_logins: 0,
          locked_until: null,
          agency_id: user.agencyId ?? null,
          email: user.email ?? null,
          phone: user.phone ?? null,
          created_at: at.toISOString(),
          updated_at: at.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('conflict', `username ${user.username} is taken`, [{ field: 'username', problem: 'taken' }]);
      throw error;
    }
  }

  async update(id: number, changes: UserChanges, at: Date): Promise<void> {
    const renamed =
      changes.displayName === undefined
        ? undefined
        : await this.db.selectFrom('users').select('username').where('id', '=', id).executeTakeFirst();
    await this.db
      .updateTable('users')
      .set({
        ...(changes.displayName !== undefined && { display_name: changes.displayName }),
        ...(renamed && changes.displayName !== undefined && { search_text: userSearchText(renamed.username, changes.displayName) }),
        ...(changes.role !== undefined && { role: changes.role }),
        ...(changes.unitCode !== undefined && { unit_code: changes.unitCode }),
        ...(changes.disabled !== undefined && { disabled: changes.disabled ? 1 : 0 }),
        ...(changes.passwordHash !== undefined && { password_hash: changes.passwordHash }),
        ...(changes.locale !== undefined && { locale: changes.locale }),
        ...(changes.agencyId !== undefined && { agency_id: changes.agencyId }),
        ...(changes.email !== undefined && { email: changes.email }),
        ...(changes.phone !== undefined && { phone: changes.phone }),
        updated_at: at.toISOString(),
      })
      .where('id', '=', id)
      .execute();
  }

  async findAgencyByCode(code: string): Promise<AgencyRef | undefined> {
    const row = await this.db.selectFrom('agencies').select(['id', 'code', 'unit_code']).where('code', '=', code).executeTakeFirst();
    return row && { id: Number(row.id), code: row.code, unitCode: row.unit_code };
  }

  async setLoginFailures(id: number, failedLogins: number, lockedUntil: string | null): Promise<void> {
    await this.db.updateTable('users').set({ failed_logins: failedLogins, locked_until: lockedUntil }).where('id', '=', id).execute();
  }

  async insertSession(session: NewSession): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        token_hash: session.tokenHash,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        created_at: session.createdAt,
        last_seen_at: session.createdAt,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  async findSession(tokenHash: string): Promise<SessionRecord | undefined> {
    const row = await this.db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return (
      row && {
        tokenHash: row.token_hash,
        userId: Number(row.user_id),
        csrfToken: row.csrf_token,
        lastSeenAt: row.last_seen_at,
        expiresAt: row.expires_at,
      }
    );
  }

  async touchSession(tokenHash: string, at: Date): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: at.toISOString() }).where('token_hash', '=', tokenHash).execute();
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  /** Ends every session of a user except, optionally, the one making the request. */
  async deleteSessionsOfUser(userId: number, except?: string): Promise<void> {
    let query = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (except !== undefined) query = query.where('token_hash', '!=', except);
    await query.execute();
  }

  async deleteExpiredSessions(now: Date): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
  }
}

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  unit_code: string;
  unit_name: string;
  locale: string;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  agency_id: number | null;
  agency_code: string | null;
  agency_name: string | null;
  email: string | null;
  phone: string | null;
}

function toRecord(r: UserRow): UserRecord {
  return {
    id: Number(r.id),
    username: r.username,
    displayName: r.display_name,
    role: r.role as Role,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    locale: r.locale as Locale,
    disabled: Number(r.disabled) === 1,
    createdAt: r.created_at,
    passwordHash: r.password_hash,
    failedLogins: Number(r.failed_logins),
    lockedUntil: r.locked_until,
    agencyId: r.agency_id === null ? null : Number(r.agency_id),
    agencyCode: r.agency_code,
    agencyName: r.agency_name,
    email: r.email,
    phone: r.phone,
  };
}
