import type { CreateUnitRequest, ListUnitsQuery, ListUnitsResponse, UnitBoundaries, UnitDetail, UnitSummary, UpdateUnitRequest, User } from '@bluezone/contract';
import { actorOf } from '../audit/audit.model.js';
import type { AuditService } from '../audit/audit.service.js';
import { decodeCursor, pageOf } from '../db/keyset.js';
import type { Transactions } from '../db/transactions.js';
import { AppError } from '../errors.js';
import type { UnitDirectory, UnitScope } from '../platform/unit-directory.js';
import type { Clock } from '../platform/platform.js';
import { searchWords } from '../platform/search-text.js';
import type { Unit } from './units.model.js';
import type { UnitsConfig } from './units.config.js';
import { provinceBoundaries } from './units.boundaries.js';
import { officialProvinceUnits } from './units.seed.js';

export interface UnitsRepository {
  get(code: string): Promise<Unit | undefined>;
  children(parentCode: string, limit: number, after?: string): Promise<Unit[]>;
  search(words: string[], codePrefix: string | undefined, limit: number, after?: readonly [string, string]): Promise<Unit[]>;
  ancestors(code: string): Promise<string[]>;
  subtree(root: string): Promise<string[]>;
  insertMissing(units: Unit[], at: Date): Promise<number>;
  insert(unit: Unit, at: Date): Promise<void>;
  rename(unit: Unit): Promise<void>;
}

// What a code looks like when someone types one: official codes are digits, added ones letters, digits, - and _.
const CODE_LIKE = /^[A-Za-z0-9_-]{2,32}$/;

const summary = (u: Unit): UnitSummary => ({
  code: u.code,
  name: u.name,
  fullName: u.fullName,
  nameEn: u.nameEn,
  fullNameEn: u.fullNameEn,
  level: u.level,
  parentCode: u.parentCode,
});

/** The administrative tree this installation serves: its province at the top, any depth below. */
export class UnitsService implements UnitDirectory, UnitScope {
  constructor(
    private readonly store: UnitsRepository,
    private readonly config: UnitsConfig,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  /** The code of the top of the tree: the configured province. */
  get topCode(): string {
    return this.config.province;
  }

  /** Seeds the configured province's official units that are missing; safe to run at every start. */
  seedOfficialUnits(): Promise<number> {
    return this.transactions.run(() => this.store.insertMissing(officialProvinceUnits(this.config.province), this.clock.now()));
  }

  /** Children of `parent`, units matching `q`, or (neither given) the top of the tree; paged. */
  async list(query: ListUnitsQuery): Promise<ListUnitsResponse> {
    const { parent, q, limit, cursor } = query;
    if (q !== undefined) {
      const after = cursor === undefined ? undefined : decodeCursor(cursor, ['string', 'string'] as const);
      const words = searchWords(q);
      const codePrefix = CODE_LIKE.test(q) ? q : undefined;
      if (words.length === 0 && codePrefix === undefined) return { units: [], nextCursor: null };
      const page = pageOf(await this.store.search(words, codePrefix, limit + 1, after), limit, (u) => [u.level, u.code]);
      return { units: page.items.map(summary), nextCursor: page.nextCursor };
    }
    if (parent !== undefined) {
      await this.require(parent);
      const after = cursor === undefined ? undefined : decodeCursor(cursor, ['string'] as const)[0];
      const page = pageOf(await this.store.children(parent, limit + 1, after), limit, (u) => [u.code]);
      return { units: page.items.map(summary), nextCursor: page.nextCursor };
    }
    const top = await this.store.get(this.config.province);
    return { units: top ? [summary(top)] : [], nextCursor: null };
  }

  /** The map of the province's wards and communes, when one is shipped for it. */
  boundaries(): UnitBoundaries {
    const map = provinceBoundaries(this.config.province);
    if (!map) throw new AppError('not_found', `no map is shipped for province ${this.config.province}`);
    return map;
  }

  async detail(code: string): Promise<UnitDetail> {
    const unit = await this.store.get(code);
    if (!unit) throw new AppError('not_found', `no unit with code ${code}`);
    const path: UnitSummary[] = [];
    for (const ancestor of (await this.store.ancestors(code)).slice(1).reverse()) {
      const parent = await this.store.get(ancestor);
      if (parent) path.push(summary(parent));
    }
    return { ...summary(unit), path };
  }

  async create(viewer: User, request: CreateUnitRequest): Promise<UnitDetail> {
    await this.require(request.parentCode, 'parentCode');
    const unit: Unit = {
      code: request.code,
      parentCode: request.parentCode,
      level: request.level,
      name: request.name,
      fullName: request.fullName ?? request.name,
      nameEn: request.nameEn ?? request.name,
      fullNameEn: request.fullNameEn ?? request.nameEn ?? request.name,
    };
    await this.transactions.run(async () => {
      await this.store.insert(unit, this.clock.now());
      await this.audit.record({ actor: actorOf(viewer), action: 'unit.create', targetType: 'unit', targetId: unit.code, detail: { ...request } });
    });
    return this.detail(unit.code);
  }

  async rename(viewer: User, code: string, request: UpdateUnitRequest): Promise<UnitDetail> {
    const unit = await this.store.get(code);
    if (!unit) throw new AppError('not_found', `no unit with code ${code}`);
    await this.transactions.run(async () => {
      await this.store.rename({ ...unit, ...request });
      await this.audit.record({ actor: actorOf(viewer), action: 'unit.update', targetType: 'unit', targetId: code, detail: { ...request } });
    });
    return this.detail(code);
  }

  /** The unit, or `unknown_unit` naming the field it came from: used before anything is written that refers to a unit. */
  async require(code: string, field = 'unitCode'): Promise<Unit> {
    const unit = await this.store.get(code);
    if (!unit) throw new AppError('unknown_unit', `no unit with code ${code}`, [{ field, problem: 'not_found' }]);
    return unit;
  }

  /** Whether `code` lies in the subtree of `root` (itself included); undefined when there is no unit `code`. */
  async isWithin(code: string, root: string): Promise<boolean | undefined> {
    const lineage = await this.store.ancestors(code);
    return lineage.length === 0 ? undefined : lineage.includes(root);
  }

  /** Every unit code of the subtree of `root`, itself first. */
  subtree(root: string): Promise<string[]> {
    return this.store.subtree(root);
  }
}
