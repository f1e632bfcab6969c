import { AUDIT_ACTIONS, vnDay, type ListAuditQuery, type ListAuditResponse, type Locale, type User } from '@bluezone/contract';
import { decodeCursor, encodeCursor } from '../db/keyset.js';
import type { Clock } from '../platform/platform.js';
import { writeXlsx } from '../platform/xlsx.js';
import { actorOf, type AuditEntry, type AuditEvent, type AuditFilter } from './audit.model.js';

/** What the service needs of its store; tests pass an in-memory fake. */
export interface AuditRepository {
  append(event: AuditEvent, at: Date): Promise<void>;
  list(filter: AuditFilter, limit: number, beforeId?: number): Promise<AuditEntry[]>;
}

/** An export holds at most this many entries; a wider one asks the reader to narrow the dates. */
const EXPORT_LIMIT = 100_000;

const HEADERS: Record<Locale, string[]> = {
  vi: ['Thời điểm', 'Người thực hiện', 'Đơn vị', 'Thao tác', 'Mã thao tác', 'Đối tượng', 'Mã đối tượng', 'Chi tiết'],
  en: ['Time', 'Actor', 'Unit', 'Action', 'Action code', 'Target', 'Target id', 'Detail'],
};

/** Who did what, when: every sign-in, every change, every read of personal data. */
export class AuditService {
  constructor(
    private readonly store: AuditRepository,
    private readonly clock: Clock,
  ) {}

  /** Call inside the change's transaction (`transactions.run`), so the change and its row commit together. */
  record(event: AuditEvent): Promise<void> {
    return this.store.append(event, this.clock.now());
  }

  /** The viewer's page of the log: entries of officials of their unit subtree, newest first. */
  async list(viewer: User, query: ListAuditQuery): Promise<ListAuditResponse> {
    const { limit, cursor, ...filter } = query;
    const beforeId = cursor === undefined ? undefined : decodeCursor(cursor, ['number'] as const)[0];
    const rows = await this.store.list({ ...filter, scopeUnit: viewer.unitCode }, limit + 1, beforeId);
    const entries = rows.slice(0, limit);
    const last = entries.at(-1);
    return { entries, nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null };
  }

  /** The filtered log as a spreadsheet in the viewer's language; the export itself is audited. */
  async exportXlsx(viewer: User, filter: Omit<ListAuditQuery, 'limit' | 'cursor'>): Promise<{ fileName: string; body: Buffer }> {
    const entries = await this.store.list({ ...filter, scopeUnit: viewer.unitCode }, EXPORT_LIMIT);
    const locale = viewer.locale;
    const headers = HEADERS[locale];
    const keys = ['at', 'actor', 'unit', 'label', 'action', 'targetType', 'targetId', 'detail'];
    const body = await writeXlsx([
      {
        name: locale === 'vi' ? 'Nhật ký' : 'Audit log',
        columns: keys.map((key, i) => ({ key, header: headers[i]!, ...(key === 'at' && { numFmt: 'dd/mm/yyyy hh:mm:ss', width: 20 }), ...(key === 'detail' && { width: 60 }), ...(key === 'label' && { width: 32 }) })),
        rows: entries.map((e) => ({
          // Excel has no time zones: the cell holds Vietnamese wall-clock time, as the reader expects.
          at: new Date(Date.parse(e.at) + 7 * 3600_000),
          actor: e.actorUsername,
          unit: e.actorUnitCode,
          label: AUDIT_ACTIONS[e.action][locale],
          action: e.action,
          targetType: e.targetType,
          targetId: e.targetId,
          detail: e.detail === null ? null : JSON.stringify(e.detail),
        })),
      },
    ]);
    await this.record({ actor: actorOf(viewer), action: 'audit.export', detail: { ...filter, count: entries.length } });
    const day = vnDay(this.clock.now());
    return { fileName: locale === 'vi' ? `Nhật ký ${day}.xlsx` : `Audit log ${day}.xlsx`, body };
  }
}
