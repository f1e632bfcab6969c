import type { CreateUnitRequest, UnitDetail, UnitSummary, UpdateUnitRequest } from '@bluezone/contract';
import type { Actor } from '../audit/audit.model.js';
import type { AuditService } from '../audit/audit.service.js';
import { AppError } from '../errors.js';
import type { Clock } from '../platform/platform.js';
import { searchText, type Unit } from './units.model.js';
import { officialProvinceUnits } from './units.seed.js';
import type { UnitsConfig } from './units.config.js';

export interface UnitsRepository {
  get(code: string): Promise<Unit | undefined>;
  children(parentCode: string): Promise<Unit[]>;
  search(normalisedWords: string[], limit: number): Promise<Unit[]>;
  insertMissing(units: Unit[], at: Date): Promise<number>;
  insert(unit: Unit, at: Date): Promise<void>;
  rename(unit: Unit): Promise<void>;
}

const SEARCH_LIMIT = 50;
// A cycle cannot be inserted through the API, but a hand-edited database could hold one; stop rather than spin.
const MAX_DEPTH = 32;

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
export class UnitsService {
  constructor(
    private readonly store: UnitsRepository,
    private readonly config: UnitsConfig,
    private readonly clock: Clock,
    private readonly audit?: AuditService,
  ) {}

  /** Seeds the configured province's official units that are missing; safe to run at every start. */
  seedOfficialUnits(): Promise<number> {
    return this.store.insertMissing(officialProvinceUnits(this.config.province), this.clock.now());
  }

  async top(): Promise<UnitSummary[]> {
    const province = await this.store.get(this.config.province);
    return province ? [summary(province)] : [];
  }

  async children(parentCode: string): Promise<UnitSummary[]> {
    await this.require(parentCode);
    return (await this.store.children(parentCode)).map(summary);
  }

  async search(query: string): Promise<UnitSummary[]> {
    const words = searchText(query).split(' ').filter((w) => w.length > 0);
    if (words.length === 0) return [];
    return (await this.store.search(words, SEARCH_LIMIT)).map(summary);
  }

  async detail(code: string): Promise<UnitDetail> {
    const unit = await this.store.get(code);
    if (!unit) throw new AppError('not_found', `no unit with code ${code}`);
    const path: UnitSummary[] = [];
    let parentCode = unit.parentCode;
    while (parentCode !== null && path.length < MAX_DEPTH) {
      const parent = await this.store.get(parentCode);
      if (!parent) break;
      path.unshift(summary(parent));
      parentCode = parent.parentCode;
    }
    return { ...summary(unit), path };
  }

  async create(actor: Actor, request: CreateUnitRequest): Promise<UnitDetail> {
    await this.require(request.parentCode);
    const unit: Unit = {
      code: request.code,
      parentCode: request.parentCode,
      level: request.level,
      name: request.name,
      fullName: request.fullName ?? request.name,
      nameEn: request.nameEn ?? request.name,
      fullNameEn: request.fullNameEn ?? request.nameEn ?? request.name,
    };
    await this.store.insert(unit, this.clock.now());
    await this.audit?.record({ actor, action: 'unit.create', targetType: 'unit', targetId: unit.code, detail: { ...request } });
    return this.detail(unit.code);
  }

  async rename(actor: Actor, code: string, request: UpdateUnitRequest): Promise<UnitDetail> {
    const unit = await this.store.get(code);
    if (!unit) throw new AppError('not_found', `no unit with code ${code}`);
    await this.store.rename({ ...unit, ...request });
    await this.audit?.record({ actor, action: 'unit.update', targetType: 'unit', targetId: code, detail: { ...request } });
    return this.detail(code);
  }

  /** The unit, or `unknown_unit`: used before anything is written that refers to a unit. */
  async require(code: string): Promise<Unit> {
    const unit = await this.store.get(code);
    if (!unit) throw new AppError('unknown_unit', `no unit with code ${code}`);
    return unit;
  }
}
