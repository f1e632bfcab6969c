import { Store } from '../db/transactions.js';
import { unitWithin } from '../db/unit-tree.js';
import type { NewNotice, Notice } from './notices.model.js';
import type { NoticesRepository } from './notices.service.js';

/** Notices, with the names of their unit and author. */
export class NoticesStore extends Store implements NoticesRepository {
  private select() {
    return this.db
      .selectFrom('notices')
      .innerJoin('units', 'units.code', 'notices.unit_code')
      .innerJoin('users', 'users.id', 'notices.created_by')
      .select([
        'notices.id',
        'notices.title',
        'notices.body',
        'notices.title_en',
        'notices.body_en',
        'notices.unit_code',
        'notices.created_by',
        'notices.created_at',
        'notices.retired_at',
        'units.full_name as unit_full_name',
        'units.full_name_en as unit_full_name_en',
        'users.display_name as author_name',
      ]);
  }

  /** The newest `limit` live notices, newest first. */
  async listLive(limit: number): Promise<Notice[]> {
    const rows = await this.select().where('notices.retired_at', 'is', null).orderBy('notices.created_at', 'desc').orderBy('notices.id', 'desc').limit(limit).execute();
    return rows.map(toNotice);
  }

  /** Notices of the subtree of `unit`, newest first, `limit` of them after the key `before` (published at, id). */
  async list(unit: string, limit: number, before?: readonly [string, number]): Promise<Notice[]> {
    let query = this.select().where(unitWithin(this.db, 'notices.unit_code', unit)).orderBy('notices.created_at', 'desc').orderBy('notices.id', 'desc').limit(limit);
    if (before !== undefined) query = query.where((eb) => eb(eb.refTuple('notices.created_at', 'notices.id'), '<', eb.tuple(before[0], before[1])));
    return (await query.execute()).map(toNotice);
  }

  async get(id: number): Promise<Notice | undefined> {
    const row = await this.select().where('notices.id', '=', id).executeTakeFirst();
    return row && toNotice(row);
  }

  async insert(notice: NewNotice, at: Date): Promise<number> {
    const row = await this.db
      .insertInto('notices')
      .values({
        title: notice.title,
        body: notice.body,
        title_en: notice.titleEn,
        body_en: notice.bodyEn,
        unit_code: notice.unitCode,
        created_by: notice.createdBy,
        created_at: at.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  /** Retires a live notice; false when it was retired already. */
  async retire(id: number, by: number, at: Date): Promise<boolean> {
    const result = await this.db.updateTable('notices').set({ retired_at: at.toISOString(), retired_by: by }).where('id', '=', id).where('retired_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

interface NoticeRow {
  id: number;
  title: string;
  body: string;
  title_en: string | null;
  body_en: string | null;
  unit_code: string;
  created_by: number;
  created_at: string;
  retired_at: string | null;
  unit_full_name: string;
  unit_full_name_en: string;
  author_name: string;
}

function toNotice(r: NoticeRow): Notice {
  return {
    id: Number(r.id),
    title: r.title,
    body: r.body,
    titleEn: r.title_en,
    bodyEn: r.body_en,
    publisher: r.unit_full_name,
    // Units added by an administrator may have no English name yet.
    publisherEn: r.unit_full_name_en || null,
    publishedAt: r.created_at,
    unitCode: r.unit_code,
    createdBy: Number(r.created_by),
    createdByName: r.author_name,
    retiredAt: r.retired_at,
  };
}
