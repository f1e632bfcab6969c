import type { AuditEntry } from '@bluezone/contract';
import type { AuditEvent, AuditFilter } from '../audit/audit.model.js';
import type { AuditRepository } from '../audit/audit.service.js';
import { AppError } from '../errors.js';
import type { NewSession, NewUser, SessionRecord, UserChanges, UserFilter, UserRecord } from '../identity/identity.model.js';
import type { IdentityRepository } from '../identity/identity.service.js';
import type { Unit } from '../units/units.model.js';
import type { UnitsRepository } from '../units/units.service.js';

/** In-memory stores for service tests: the same contracts as the SQL stores, without a database. */
export class FakeAuditStore implements AuditRepository {
  readonly entries: AuditEntry[] = [];
  async append(event: AuditEvent, at: Date): Promise<void> {
    this.entries.unshift({
      id: this.entries.length + 1,
      at: at.toISOString(),
      actorId: event.actor.id,
      actorUsername: event.actor.username,
      actorUnitCode: event.actor.unitCode,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId === undefined ? null : String(event.targetId),
      detail: event.detail ?? null,
    });
  }
  /** Scope is not modelled here: the SQL store's subtree filter is tested on both databases. */
  async list(filter: AuditFilter, limit: number, beforeId?: number): Promise<AuditEntry[]> {
    return this.entries
      .filter((e) => (beforeId === undefined || e.id < beforeId) && (filter.action === undefined || e.action === filter.action))
      .slice(0, limit);
  }
  actions(): string[] {
    return this.entries.map((e) => e.action).reverse();
  }
}

export class FakeUnitsStore implements UnitsRepository {
  readonly units = new Map<string, Unit>();
  async get(code: string) {
    return this.units.get(code);
  }
  async children(parentCode: string, limit: number, after?: string) {
    return [...this.units.values()]
      .filter((u) => u.parentCode === parentCode && (after === undefined || u.code > after))
      .sort((a, b) => a.code.localeCompare(b.code))
      .slice(0, limit);
  }
  async ancestors(code: string) {
    const lineage: string[] = [];
    for (let unit = this.units.get(code); unit; unit = unit.parentCode === null ? undefined : this.units.get(unit.parentCode)) lineage.push(unit.code);
    return lineage;
  }
  async subtree(root: string) {
    if (!this.units.has(root)) return [];
    const codes = [root];
    for (let i = 0; i < codes.length; i++) for (const u of this.units.values()) if (u.parentCode === codes[i]) codes.push(u.code);
    return codes;
  }
  async search() {
    return [];
  }
  async insert(unit: Unit) {
    if (this.units.has(unit.code)) throw new AppError('conflict', 'taken');
    this.units.set(unit.code, unit);
  }
  async rename(unit: Unit) {
    this.units.set(unit.code, unit);
  }
  async insertMissing(units: Unit[]) {
    let n = 0;
    for (const u of units) {
      if (this.units.has(u.code)) continue;
      this.units.set(u.code, u);
      n++;
    }
    return n;
  }
}

export class FakeIdentityStore implements IdentityRepository {
  readonly users = new Map<number, UserRecord>();
  readonly sessions = new Map<string, SessionRecord>();

  async findByUsername(username: string) {
    return [...this.users.values()].find((u) => u.username === username);
  }
  async findById(id: number) {
    return this.users.get(id);
  }
  async findAgencyByCode() {
    return undefined;
  }
  async list(_filter: UserFilter, limit: number, after?: string) {
    return [...this.users.values()]
      .filter((u) => after === undefined || u.username > after)
      .sort((a, b) => a.username.localeCompare(b.username))
      .slice(0, limit);
  }
  async count() {
    return this.users.size;
  }
  async insert(user: NewUser, at: Date) {
    if (await this.findByUsername(user.username)) throw new AppError('conflict', 'taken');
    const id = this.users.size + 1;
    this.users.set(id, { ...user, id, unitName: user.unitCode, disabled: false, createdAt: at.toISOString(), failedLogins: 0, lockedUntil: null, agencyId: user.agencyId ?? null, agencyCode: null, agencyName: null, email: user.email ?? null, phone: user.phone ?? null });
    return id;
  }
  async update(id: number, changes: UserChanges) {
    const user = this.users.get(id)!;
    this.users.set(id, { ...user, ...changes });
  }
  async setLoginFailures(id: number, failedLogins: number, lockedUntil: string | null) {
    this.users.set(id, { ...this.users.get(id)!, failedLogins, lockedUntil });
  }
  async insertSession(s: NewSession) {
    this.sessions.set(s.tokenHash, { tokenHash: s.tokenHash, userId: s.userId, csrfToken: s.csrfToken, lastSeenAt: s.createdAt, expiresAt: s.expiresAt });
  }
  async findSession(tokenHash: string) {
    return this.sessions.get(tokenHash);
  }
  async touchSession(tokenHash: string, at: Date) {
    const s = this.sessions.get(tokenHash);
    if (s) s.lastSeenAt = at.toISOString();
  }
  async deleteSession(tokenHash: string) {
    this.sessions.delete(tokenHash);
  }
  async deleteSessionsOfUser(userId: number, except?: string) {
    for (const [hash, s] of this.sessions) if (s.userId === userId && hash !== except) this.sessions.delete(hash);
  }
  async deleteExpiredSessions(now: Date) {
    for (const [hash, s] of this.sessions) if (s.expiresAt <= now.toISOString()) this.sessions.delete(hash);
  }
}
