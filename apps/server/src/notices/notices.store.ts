import type { Db } from '../db/database.js';
import type { Notice } from './notices.model.js';

/** Only this file runs SQL on notices. */
export class NoticesStore {
  constructor(private readonly db: Db) {}

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
        'users.display_name as author_name',
      ]);
  }

  /** Live notices first by date, newest first. */
  async listLive(limit: number): Promise<Notice[]> {
    const rows = await this.select().where('notices.retired_at', 'is', null).orderBy('notices.created_at', 'desc').orderBy('notices.id', 'desc').limit(limit).execute();
    return rows.map(toNotice);
  }

  async listAll(limit: number): Promise<Notice[]> {
    const rows = await this.select().orderBy('notices.created_at', 'desc').orderBy('notices.id', 'desc').limit(limit).execute();
    return rows.map(toNotice);
  }

  async get(id: number): Promise<Notice | undefined> {
    const row = await this.select().where('notices.id', '=', id).executeTakeFirst();
    return row && toNotice(row);
  }

  async insert(notice: { title: string; body: string; titleEn: string | null; bodyEn: string | null; unitCode: string; createdBy: number }, at: Date): Promise<number> {
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
    publishedAt: r.created_at,
    unitCode: r.unit_code,
    createdBy: Number(r.created_by),
    createdByName: r.author_name,
    retiredAt: r.retired_at,
  };
}
