import type { CreateUserRequest, ListUsersQuery, UpdateUserRequest, User } from '@bluezone/contract';
import type { Actor } from '../audit/audit.model.js';
import type { AuditService } from '../audit/audit.service.js';
import { AppError } from '../errors.js';
import type { Platform } from '../platform/platform.js';
import type { UnitsService } from '../units/units.service.js';
import { publicUser, type UserChanges } from './identity.model.js';
import type { IdentityRepository } from './identity.service.js';
import type { PasswordHasher } from './password.js';

/** Accounts, managed by administrators (and by the CLI, acting as the system). */
export class UsersService {
  constructor(
    private readonly store: IdentityRepository,
    private readonly units: UnitsService,
    private readonly passwords: PasswordHasher,
    private readonly audit: AuditService,
    private readonly platform: Platform,
  ) {}

  /** Listing users reads personal data (names, units), so it is audited with its filter. */
  async list(actor: Actor, filter: ListUsersQuery): Promise<User[]> {
    const users = (await this.store.list(filter)).map(publicUser);
    await this.audit.record({ actor, action: 'user.list', targetType: 'user', detail: { ...filter, count: users.length } });
    return users;
  }

  async create(actor: Actor, request: CreateUserRequest): Promise<User> {
    // Checked before anything is written: an unknown unit must leave no trace but the refusal.
    await this.units.require(request.unitCode);
    if (await this.store.findByUsername(request.username)) {
      throw new AppError('conflict', `username ${request.username} is taken`);
    }
    const id = await this.store.insert(
      {
        username: request.username,
        displayName: request.displayName,
        passwordHash: await this.passwords.hash(request.password),
        role: request.role,
        unitCode: request.unitCode,
        locale: 'vi',
      },
      this.platform.clock.now(),
    );
    await this.audit.record({
      actor,
      action: 'user.create',
      targetType: 'user',
      targetId: id,
      detail: { username: request.username, role: request.role, unitCode: request.unitCode },
    });
    return this.get(id);
  }

  async update(actor: Actor, id: number, request: UpdateUserRequest): Promise<User> {
    const before = await this.get(id);
    if (request.unitCode !== undefined) await this.units.require(request.unitCode);
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
    };
    await this.store.update(id, changes, this.platform.clock.now());
    // New rights or a new password must not ride on sessions opened under the old ones.
    if (request.password !== undefined || request.disabled === true || request.role !== undefined || request.unitCode !== undefined) {
      await this.store.deleteSessionsOfUser(id);
    }
    const { password: _password, ...changed } = request;
    await this.audit.record({
      actor,
      action: 'user.update',
      targetType: 'user',
      targetId: id,
      detail: { username: before.username, ...changed, ...(request.password !== undefined && { passwordReset: true }) },
    });
    return this.get(id);
  }

  /**
   * On a database with no users, creates `admin` in the province at the top of the tree. Returns the password when
   * it was generated, so the caller prints it once; it is never stored in clear nor logged.
   */
  async bootstrapAdmin(provinceCode: string, configuredPassword: string | undefined): Promise<{ generatedPassword?: string } | undefined> {
    if ((await this.store.count()) > 0) return undefined;
    const generated = configuredPassword === undefined ? this.platform.random.bytes(15).toString('base64url') : undefined;
    await this.create(
      { id: null, username: 'system' },
      { username: 'admin', displayName: 'Quản trị viên', password: configuredPassword ?? generated!, role: 'admin', unitCode: provinceCode },
    );
    return generated === undefined ? {} : { generatedPassword: generated };
  }

  private async get(id: number): Promise<User> {
    const record = await this.store.findById(id);
    if (!record) throw new AppError('not_found', `no user with id ${id}`);
    return publicUser(record);
  }
}
