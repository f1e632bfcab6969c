import type { CreateAgencyRequest, UpdateAgencyRequest } from '@bluezone/contract';
import type { Actor } from '../audit/audit.model.js';
import type { AuditService } from '../audit/audit.service.js';
import { AppError } from '../errors.js';
import type { Clock } from '../platform/platform.js';
import type { UnitsService } from '../units/units.service.js';
import { generatedAgencyCode, type Agency } from './agencies.model.js';
import type { AgenciesStore } from './agencies.store.js';

export type AgenciesRepository = Pick<AgenciesStore, keyof AgenciesStore>;

export class AgenciesService {
  constructor(
    private readonly store: AgenciesRepository,
    private readonly units: UnitsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(unitCode?: string): Promise<Agency[]> {
    if (unitCode !== undefined) await this.units.require(unitCode);
    return this.store.list(unitCode);
  }

  async create(actor: Actor, request: CreateAgencyRequest): Promise<Agency> {
    await this.units.require(request.unitCode);
    const code = request.code ?? generatedAgencyCode(request.unitCode, (await this.store.countInUnit(request.unitCode)) + 1);
    const id = await this.store.insert(
      { code, name: request.name, unitCode: request.unitCode, group: request.group ?? null },
      this.clock.now(),
    );
    await this.audit.record({ actor, action: 'agency.create', targetType: 'agency', targetId: id, detail: { ...request, code } });
    return this.get(id);
  }

  async update(actor: Actor, id: number, request: UpdateAgencyRequest): Promise<Agency> {
    await this.get(id);
    if (request.unitCode !== undefined) await this.units.require(request.unitCode);
    await this.store.update(id, request, this.clock.now());
    await this.audit.record({ actor, action: 'agency.update', targetType: 'agency', targetId: id, detail: request });
    return this.get(id);
  }

  private async get(id: number): Promise<Agency> {
    const agency = await this.store.get(id);
    if (!agency) throw new AppError('not_found', `no agency with id ${id}`);
    return agency;
  }
}
