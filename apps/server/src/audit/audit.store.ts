import { vnDayEnd, vnDayStart } from '@bluezone/contract';
import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../db/schema.js';
import { Store } from '../db/transactions.js';
import { unitWithin } from '../db/unit-tree.js';
import type { AuditEntry, AuditEvent, AuditFilter } from './audit.model.js';
import type { AuditRepository } from './audit.service.js';

const toEntry = (r: Selectable<AuditLogTable>): AuditEntry => ({
  id: Number(r.id),
  at: r.at,
  actorId: r.actor_id === null ? null : Number(r.actor_id),
  actorUsername: r.actor_username,
  actorUnitCode: r.actor_unit_code,
  action: r.action as AuditEntry['action'],
  targetType: r.target_type,
  targetId: r.target_id,
  detail: r.detail === null ? null : (JSON.parse(r.detail) as Record<string, unknown>),
});

export class AuditStore extends Store implements AuditRepository {
  async append(event: AuditEvent, at: Date): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        at: at.toISOString(),
        actor_id: event.actor.id,
        actor_username: event.actor.username,
        actor_unit_code: event.actor.unitCode,
        action: event.action,
        target_type: event.targetType ?? null,
        target_id: event.targetId === undefined ? null : String(event.targetId),
        detail: event.detail ? JSON.stringify(event.detail) : null,
      })
      .execute();
  }

  /** Newest first, `limit` entries with an id below `beforeId`: ids page stably while new entries arrive. */
  async list(filter: AuditFilter, limit: number, beforeId?: number): Promise<AuditEntry[]> {
    let query = this.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit);
    if (beforeId !== undefined) query = query.where('id', '<', beforeId);
    if (filter.actor !== undefined) query = query.where('actor_username', '=', filter.actor);
    if (filter.action !== undefined) query = query.where('action', '=', filter.action);
    if (filter.from !== undefined) query = query.where('at', '>=', vnDayStart(filter.from).toISOString());
    if (filter.to !== undefined) query = query.where('at', '<=', vnDayEnd(filter.to).toISOString());
    const scopeIsTop = this.db.selectFrom('units').select('code').where('code', '=', filter.scopeUnit).where('parent_code', 'is', null);
    query = query.where((eb) =>
      eb.or([unitWithin(this.db, 'actor_unit_code', filter.scopeUnit), eb.and([eb('actor_unit_code', 'is', null), eb.exists(scopeIsTop)])]),
    );
    return (await query.execute()).map(toEntry);
  }
}
