import { SYSTEM_ACTOR } from '../audit/audit.model.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Transactions } from '../db/transactions.js';
import type { Clock } from '../platform/platform.js';
import type { DeclarationsStore } from './declarations.store.js';

/** Deleted in batches, each its own transaction, so a large purge never holds the database for long. */
const BATCH = 2000;

/**
 * Retention: declarations made longer ago than the retention period (30 days by default, never under 14) leave the
 * database with their receipts, visits, routes, follow-up and checks. The job of the server and `bluezone
 * declarations purge` both run this; the audit log keeps that a purge happened and how many, no more.
 */
export class DeclarationRetention {
  constructor(
    private readonly store: Pick<DeclarationsStore, 'purgeBatch'>,
    private readonly retentionSeconds: number,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  /** The instant before which declarations are deleted. */
  cutoff(): Date {
    return new Date(this.clock.now().getTime() - this.retentionSeconds * 1000);
  }

  async purge(): Promise<{ deleted: number; before: string }> {
    const before = this.cutoff().toISOString();
    let deleted = 0;
    for (;;) {
      const n = await this.transactions.run(() => this.store.purgeBatch(before, BATCH));
      deleted += n;
      if (n < BATCH) break;
    }
    if (deleted > 0) await this.audit.record({ actor: SYSTEM_ACTOR, action: 'declaration.purge', detail: { deleted, before } });
    return { deleted, before };
  }
}
