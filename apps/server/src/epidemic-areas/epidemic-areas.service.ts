import type { CreateEpidemicAreaRequest, EpidemicArea, EpidemicAreaResponse, ListEpidemicAreasQuery, ListEpidemicAreasResponse, UpdateEpidemicAreaRequest, User } from '@bluezone/contract';
import { actorOf } from '../audit/audit.model.js';
import type { AuditService } from '../audit/audit.service.js';
import { decodeCursor, pageOf } from '../db/keyset.js';
import type { Transactions } from '../db/transactions.js';
import { AppError } from '../errors.js';
import type { Clock } from '../platform/platform.js';
import type { PlacesService } from '../places/places.service.js';
import type { AreaRecord, NewArea } from './epidemic-areas.model.js';

export interface EpidemicAreasRepository {
  list(on: string | undefined, limit: number, after?: readonly [string, number]): Promise<AreaRecord[]>;
  inForceBetween(from: string, to: string): Promise<AreaRecord[]>;
  get(id: number): Promise<AreaRecord | undefined>;
  insert(area: NewArea, by: number | null, at: Date): Promise<number>;
  update(id: number, area: NewArea, at: Date): Promise<void>;
  delete(id: number): Promise<void>;
}

/**
 * Told after an area is added, changed or removed, with the area as it was and as it is: declarations are screened
 * again against the new list. Returns how many declarations changed.
 */
export type AreaChangeListener = (before: AreaRecord | null, after: AreaRecord | null) => Promise<number>;

type Places = Pick<PlacesService, 'get' | 'isLocalBelowTop'>;

/** The list of epidemic areas health officers keep; every change is audited and sets off screening again. */
export class EpidemicAreasService {
  private readonly listeners: AreaChangeListener[] = [];

  constructor(
    private readonly store: EpidemicAreasRepository,
    private readonly places: Places,
    private readonly topCode: string,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  onChange(listener: AreaChangeListener): void {
    this.listeners.push(listener);
  }

  async list(query: ListEpidemicAreasQuery): Promise<ListEpidemicAreasResponse> {
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, ['string', 'number'] as const);
    const rows = await this.store.list(query.on, query.limit + 1, after);
    const page = pageOf(rows, query.limit, (a) => [a.from, a.id]);
    return { areas: await Promise.all(page.items.map((a) => this.view(a))), nextCursor: page.nextCursor };
  }

  /** Areas in force on at least one of these days (screening reads them). */
  inForceBetween(from: string, to: string): Promise<AreaRecord[]> {
    return this.store.inForceBetween(from, to);
  }

  /**
   * The unit whose officials may change an area: a unit of this installation's tree below its top is kept by the
   * health officers of that unit's subtree; anything wider (the province, other provinces, places abroad) only by
   * those at the top of the tree.
   */
  async keeperUnit(unitCode: string | null | undefined): Promise<string> {
    return typeof unitCode === 'string' && (await this.places.isLocalBelowTop(unitCode)) ? unitCode : this.topCode;
  }

  /** The keeper unit of an existing area; undefined when there is none (the service answers not_found). */
  async keeperOf(id: number): Promise<string | undefined> {
    const area = await this.store.get(id);
    return area && this.keeperUnit(area.unitCode);
  }

  async create(viewer: User, request: CreateEpidemicAreaRequest): Promise<EpidemicAreaResponse> {
    const area: NewArea = { name: request.name, unitCode: request.unitCode ?? null, place: request.place ?? null, from: request.from, to: request.to ?? null, reason: request.reason ?? null };
    await this.requirePlace(area.unitCode);
    const id = await this.transactions.run(async () => {
      const id = await this.store.insert(area, viewer.id, this.clock.now());
      await this.audit.record({ actor: actorOf(viewer), action: 'epidemic_area.create', targetType: 'epidemic_area', targetId: id, detail: { ...request } });
      return id;
    });
    const created = await this.require(id);
    return { area: await this.view(created), rescreened: await this.changed(null, created) };
  }

  async update(viewer: User, id: number, request: UpdateEpidemicAreaRequest): Promise<EpidemicAreaResponse> {
    const before = await this.require(id);
    const area: NewArea = {
      name: request.name ?? before.name,
      // A unit replaces a place abroad and the reverse.
      unitCode: request.unitCode ?? (request.place !== undefined ? null : before.unitCode),
      place: request.place ?? (request.unitCode !== undefined ? null : before.place),
      from: request.from ?? before.from,
      to: request.to === undefined ? before.to : request.to,
      reason: request.reason === undefined ? before.reason : request.reason,
    };
    if (area.to !== null && area.to < area.from) throw new AppError('validation_failed', 'the last day comes before the first', [{ field: 'to', problem: 'invalid_value' }]);
    await this.requirePlace(request.unitCode ?? null);
    await this.transactions.run(async () => {
      await this.store.update(id, area, this.clock.now());
      await this.audit.record({ actor: actorOf(viewer), action: 'epidemic_area.update', targetType: 'epidemic_area', targetId: id, detail: { ...request } });
    });
    const after = await this.require(id);
    return { area: await this.view(after), rescreened: await this.changed(before, after) };
  }

  async delete(viewer: User, id: number): Promise<EpidemicAreaResponse> {
    const before = await this.require(id);
    await this.transactions.run(async () => {
      await this.store.delete(id);
      // The whole area goes into the log, so a removal can be undone by hand and read later.
      await this.audit.record({ actor: actorOf(viewer), action: 'epidemic_area.delete', targetType: 'epidemic_area', targetId: id, detail: { name: before.name, unitCode: before.unitCode, place: before.place, from: before.from, to: before.to, reason: before.reason } });
    });
    return { area: await this.view(before), rescreened: await this.changed(before, null) };
  }

  private async changed(before: AreaRecord | null, after: AreaRecord | null): Promise<number> {
    let count = 0;
    for (const listener of this.listeners) count += await listener(before, after);
    return count;
  }

  private async requirePlace(unitCode: string | null): Promise<void> {
    if (unitCode !== null && !(await this.places.get(unitCode))) throw new AppError('unknown_unit', `no unit of Vietnam with code ${unitCode}`, [{ field: 'unitCode', problem: 'not_found' }]);
  }

  private async require(id: number): Promise<AreaRecord> {
    const area = await this.store.get(id);
    if (!area) throw new AppError('not_found', `no epidemic area with id ${id}`);
    return area;
  }

  private async view(area: AreaRecord): Promise<EpidemicArea> {
    const place = area.unitCode === null ? undefined : await this.places.get(area.unitCode);
    return {
      id: area.id,
      name: area.name,
      unitCode: area.unitCode,
      unitName: place ? place.fullName : null,
      unitNameEn: place ? place.fullNameEn : null,
      place: area.place,
      from: area.from,
      to: area.to,
      reason: area.reason,
      createdAt: area.createdAt,
      updatedAt: area.updatedAt,
    };
  }
}
