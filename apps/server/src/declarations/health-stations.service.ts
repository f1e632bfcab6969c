import type { HealthStationSettings, UpdateHealthStationRequest, User } from '@bluezone/contract';
import { actorOf } from '../audit/audit.model.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Transactions } from '../db/transactions.js';
import type { Clock } from '../platform/platform.js';
import type { UnitDirectory } from '../platform/unit-directory.js';
import type { HealthStationsStore } from './health-stations.store.js';

/** Each unit sets its health station's telephone, told to its declarants with their next steps. */
export class HealthStationsService {
  constructor(
    private readonly store: Pick<HealthStationsStore, 'get' | 'put'>,
    private readonly units: UnitDirectory,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  async get(unitCode: string): Promise<HealthStationSettings> {
    await this.units.require(unitCode, 'unitCode');
    return (await this.store.get(unitCode)) ?? { unitCode, phone: null, updatedAt: null };
  }

  async update(viewer: User, unitCode: string, request: UpdateHealthStationRequest): Promise<HealthStationSettings> {
    await this.units.require(unitCode, 'unitCode');
    await this.transactions.run(async () => {
      const station = { phone: request.phone === '' ? null : request.phone };
      await this.store.put(unitCode, station, viewer.id, this.clock.now());
      await this.audit.record({ actor: actorOf(viewer), action: 'health_station.update', targetType: 'unit', targetId: unitCode, detail: station });
    });
    return this.get(unitCode);
  }
}
