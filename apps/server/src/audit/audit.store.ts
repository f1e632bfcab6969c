import type { Db } from '../db/database.js';
import type { AuditEntry, AuditEvent, AuditFilter } from './audit.model.js';

export class AuditStore {
  constructor(private readonly db: Db) {}

  async append(event: AuditEvent, at: Date): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        at: at.toISOString(),
        actor_id: event.actor.id,
        actor_username: event.actor.username,
        action: event.action,
        target_type: event.targetType ?? null,
        target_id: event.targetId === undefined ? null : String(event.targetId),
        detail: event.detail ? JSON.stringify(event.detail) : null,
      })
      .execute();
  }

  /** Newest first; `before` pages by id, which is stable while new entries arrive. */
  async list(filter: AuditFilter): Promise<AuditEntry[]> {
    let query = this.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(filter.limit);
    if (filter.before !== undefined) query = query.where('id', '<', filter.before);
    if (filter.actor !== undefined) query = query.where('actor_username', '=', filter.actor);
    if (filter.action !== undefined) query = query.where('action', '=', filter.action);
    const rows = await query.execute();
    return rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      actorId: r.actor_id === null ? null : Number(r.actor_id),
      actorUsername: r.actor_username,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      detail: r.detail === null ? null : (JSON.parse(r.detail) as Record<string, unknown>),
    }));
  }
}
