import type { CreateUserRequest, ListUsersQuery, ListUsersResponse, UpdateUserRequest, User } from '@bluezone/contract';
import { actorOf, SYSTEM_ACTOR, type Actor } from '../audit/audit.model.js';
import type { AuditService } from '../audit/audit.service.js';
import { decodeCursor, pageOf } from '../db/keyset.js';
import type { Transactions } from '../db/transactions.js';
import { AppError } from '../errors.js';
import type { Platform } from '../platform/platform.js';
import type { UnitDirectory, UnitScope } from '../platform/unit-directory.js';
import { publicUser, type UserChanges } from './identity.model.js';
import type { IdentityRepository } from './identity.service.js';
import type { PasswordHasher } from './password.js';

/**
 * Accounts, managed by administrators within their own unit subtree (the route's access rule checks the units
 * involved) and by the CLI, acting as the system.
 */
export class UsersService {
  constructor(
    private readonly store: IdentityRepository,
    private readonly units: UnitDirectory & UnitScope,
    private readonly passwords: PasswordHasher,
    private readonly audit: AuditService,
    private readonly platform: Platform,
    private readonly transactions: Transactions,
  ) {}

  /** Users of a unit's subtree (the viewer's own unit by default); listing reads personal data, so it is audited. */
  async list(viewer: User, query: ListUsersQuery): Promise<ListUsersResponse> {
    const { limit, cursor, ...filter } = query;
    const after = cursor === undefined ? undefined : decodeCursor(cursor, ['string'] as const)[0];
    const unit = filter.unit ?? viewer.unitCode;
    const page = pageOf(await this.store.list({ ...filter, unit }, limit + 1, after), limit, (u) => [u.username]);
    const users = page.items.map(publicUser);
    await this.audit.record({ actor: actorOf(viewer), action: 'user.list', targetType: 'user', detail: { ...filter, unit, count: users.length } });
    return { users, nextCursor: page.nextCursor };
  }

  /** The unit of an account, for access rules; undefined when there is no such account. */
  async unitOf(id: number): Promise<string | undefined> {
    return (await this.store.findById(id))?.unitCode;
  }

  async create(actor: Actor, request: CreateUserRequest): Promise<User> {
    // Checked before anything is written: an unknown unit must leave no trace but the refusal.
    await this.units.require(request.unitCode);
    const agency = await this.agencyFor(request.role, request.unitCode, request.agencyCode ?? null);
    if (await this.store.findByUsername(request.username)) {
      throw new AppError('conflict', `username ${request.username} is taken`, [{ field: 'username', problem: 'taken' }]);
    }
    const passwordHash = await this.passwords.hash(request.password);
    const id = await this.transactions.run(async () => {
      const id = await this.store.insert(
        {
          username: request.username,
          displayName: request.displayName,
          passwordHash,
          role: request.role,
          unitCode: request.unitCode,
          locale: 'vi',
          agencyId: agency?.id ?? null,
          email: request.email ?? null,
          phone: request.phone ?? null,
        },
        this.platform.clock.now(),
      );
      await this.audit.record({
        actor,
        action: 'user.create',
        targetType: 'user',
        targetId: id,
        detail: { username: request.username, role: request.role, unitCode: request.unitCode, ...(agency && { agencyCode: agency.code }) },
      });
      return id;
    });
    return this.get(id);
  }

  async update(actor: Actor, id: number, request: UpdateUserRequest): Promise<User> {
    const before = await this.get(id);
    if (request.unitCode !== undefined) await this.units.require(request.unitCode);
    const role = request.role ?? before.role;
    // The agency follows the role: given anew, kept while the role stays agency_reporter, dropped with that role.
    const agencyCode = request.agencyCode !== undefined ? request.agencyCode : role === 'agency_reporter' ? before.agencyCode : null;
    const agency = await this.agencyFor(role, request.unitCode ?? before.unitCode, agencyCode);
    if (actor.id === id && (request.disabled === true || (request.role !== undefined && request.role !== 'admin'))) {
      // An administrator locking themselves out could leave nobody able to administer.
      throw new AppError('forbidden', 'administrators cannot disable or demote themselves');
    }
    const changes: UserChanges = {
      ...(request.displayName !== undefined && { displayName: request.displayName }),
      ...(request.role !== undefined && { role: request.role }),
      ...(request.unitCode !== undefined && { unitCode: request.unitCode }),
      ...(request.disabled !== undefined && { disabled: request.disabled }),
      ...(request.password !== undefined && { passwordHash: await this.passwords.hash(request.password) }),
      ...((agency?.id ?? null) !== before.agencyId && { agencyId: agency?.id ?? null }),
      ...(request.email !== undefined && { email: request.email }),
      ...(request.phone !== undefined && { phone: request.phone }),
    };
    const { password: _password, ...changed } = request;
    await this.transactions.run(async () => {
      await this.store.update(id, changes, this.platform.clock.now());
      // New rights or a new password must not ride on sessions opened under the old ones.
      if (request.password !== undefined || request.disabled === true || request.role !== undefined || request.unitCode !== undefined || changes.agencyId !== undefined) {
        await this.store.deleteSessionsOfUser(id);
      }
      await this.audit.record({
        actor,
        action: 'user.update',
        targetType: 'user',
        targetId: id,
        detail: { username: before.username, ...changed, ...(request.password !== undefined && { passwordReset: true }) },
      });
    });
    return this.get(id);
  }

  /**
   * On a database with no users, creates `admin` at the top of the tree. Returns the password when it was generated,
   * so the caller prints it once; it is never stored in clear nor logged.
   */
  async bootstrapAdmin(configuredPassword: string | undefined): Promise<{ generatedPassword?: string } | undefined> {
    if ((await this.store.count()) > 0) return undefined;
    const generated = configuredPassword === undefined ? this.platform.random.bytes(15).toString('base64url') : undefined;
    await this.create(SYSTEM_ACTOR, {
      username: 'admin',
      displayName: 'Quản trị viên',
      password: configuredPassword ?? generated!,
      role: 'admin',
      unitCode: this.units.topCode,
    });
    return generated === undefined ? {} : { generatedPassword: generated };
  }

  /**
   * The agency an account of `role` in `unitCode` reports for: required for an agency reporter, refused for every other
   * role, and it must be filed in the account's unit or below it (a reporter reaches only what their unit reaches).
   */
  private async agencyFor(role: User['role'], unitCode: string, agencyCode: string | null): Promise<{ id: number; code: string } | null> {
    if (role !== 'agency_reporter') {
      if (agencyCode !== null) throw new AppError('validation_failed', 'agencyCode: only an agency_reporter reports for an agency', [{ field: 'agencyCode', problem: 'invalid_value' }]);
      return null;
    }
    if (agencyCode === null) throw new AppError('validation_failed', 'agencyCode: an agency_reporter needs the agency they report for', [{ field: 'agencyCode', problem: 'required' }]);
    const agency = await this.store.findAgencyByCode(agencyCode);
    if (!agency) throw new AppError('unknown_agency', `no agency with code ${agencyCode}`, [{ field: 'agencyCode', problem: 'not_found' }]);
    if ((await this.units.isWithin(agency.unitCode, unitCode)) !== true) {
      throw new AppError('validation_failed', `agencyCode: agency ${agencyCode} is filed under unit ${agency.unitCode}, outside unit ${unitCode}`, [{ field: 'agencyCode', problem: 'out_of_scope' }]);
    }
    return agency;
  }

  private async get(id: number): Promise<User> {
    const record = await this.store.findById(id);
    if (!record) throw new AppError('not_found', `no user with id ${id}`);
    return publicUser(record);
  }
}
