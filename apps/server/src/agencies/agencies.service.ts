import type { CreateAgencyRequest, ListAgenciesQuery, ListAgenciesResponse, UpdateAgencyRequest } from '@bluezone/contract';
import type { Actor } from '../audit/audit.model.js';
import type { AuditService } from '../audit/audit.service.js';
import { decodeCursor, pageOf } from '../db/keyset.js';
import type { Transactions } from '../db/transactions.js';
import { AppError } from '../errors.js';
import type { UnitDirectory } from '../platform/unit-directory.js';
import type { Clock } from '../platform/platform.js';
import { generatedAgencyCode, type Agency, type AgencyChanges, type NewAgency } from './agencies.model.js';

export interface AgenciesRepository {
  list(unitCode: string | undefined, limit: number, after?: readonly [string, number]): Promise<Agency[]>;
  get(id: number): Promise<Agency | undefined>;
  countInUnit(unitCode: string): Promise<number>;
  insert(agency: NewAgency, at: Date): Promise<number>;
  update(id: number, changes: AgencyChanges, at: Date): Promise<void>;
}

/** Agencies (sở, ban, ngành, đoàn thể, …), each filed under a unit; administrators manage those of their subtree. */
export class AgenciesService {
  constructor(
    private readonly store: AgenciesRepository,
    private readonly units: UnitDirectory,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  /** Agencies of one unit, or of every unit; by name. */
  async list(query: ListAgenciesQuery): Promise<ListAgenciesResponse> {
    if (query.unit !== undefined) await this.units.require(query.unit, 'unit');
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, ['string', 'number'] as const);
    const page = pageOf(await this.store.list(query.unit, query.limit + 1, after), query.limit, (a) => [a.name, a.id]);
    return { agencies: page.items, nextCursor: page.nextCursor };
  }

  /** The unit an agency is filed under, for access rules; undefined when there is no such agency. */
  async unitOf(id: number): Promise<string | undefined> {
    return (await this.store.get(id))?.unitCode;
  }

  async create(actor: Actor, request: CreateAgencyRequest): Promise<Agency> {
    await this.units.require(request.unitCode);
    const code = request.code ?? generatedAgencyCode(request.unitCode, (await this.store.countInUnit(request.unitCode)) + 1);
    const id = await this.transactions.run(async () => {
      const id = await this.store.insert({ code, name: request.name, unitCode: request.unitCode, group: request.group ?? null }, this.clock.now());
      await this.audit.record({ actor, action: 'agency.create', targetType: 'agency', targetId: id, detail: { ...request, code } });
      return id;
    });
    return this.get(id);
  }

  async update(actor: Actor, id: number, request: UpdateAgencyRequest): Promise<Agency> {
    await this.get(id);
    if (request.unitCode !== undefined) await this.units.require(request.unitCode);
    await this.transactions.run(async () => {
      await this.store.update(id, request, this.clock.now());
      await this.audit.record({ actor, action: 'agency.update', targetType: 'agency', targetId: id, detail: request });
    });
    return this.get(id);
  }

  private async get(id: number): Promise<Agency> {
    const agency = await this.store.get(id);
    if (!agency) throw new AppError('not_found', `no agency with id ${id}`);
    return agency;
  }
}
