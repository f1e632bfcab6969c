import type { PublicNotice } from '@bluezone/contract';
import type { BackendClient } from '../api/backend-client';
import type { SqlDatabase } from '../storage/sql-database';

export interface InboxNotice extends PublicNotice {
  read: boolean;
}

/**
 * The notices health officers and campaign issuers publish, fetched anonymously; which ones the user has read is
 * kept on the phone only.
 */
export class NoticeInbox {
  constructor(
    private readonly backend: BackendClient,
    private readonly db: SqlDatabase,
  ) {}

  async list(): Promise<InboxNotice[]> {
    const notices = await this.backend.notices();
    const read = new Set((await this.db.all<{ id: string }>('SELECT id FROM read_notices')).map((r) => r.id));
    return notices.map((n) => ({ ...n, read: read.has(String(n.id)) }));
  }

  async markRead(id: number): Promise<void> {
    await this.db.run('INSERT INTO read_notices (id) VALUES (?) ON CONFLICT (id) DO NOTHING', [String(id)]);
  }
}
