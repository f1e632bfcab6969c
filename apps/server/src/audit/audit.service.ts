import type { ListAuditResponse } from '@bluezone/contract';
import type { Clock } from '../platform/platform.js';
import type { AuditEvent, AuditFilter } from './audit.model.js';

/** What the service needs of its store; tests pass an in-memory fake. */
export interface AuditRepository {
  append(event: AuditEvent, at: Date): Promise<void>;
  list(filter: AuditFilter): Promise<ListAuditResponse['entries']>;
}

/** Who did what, when: every sign-in, every change, every read of personal data. */
export class AuditService {
  constructor(
    private readonly store: AuditRepository,
    private readonly clock: Clock,
  ) {}

  record(event: AuditEvent): Promise<void> {
    return this.store.append(event, this.clock.now());
  }

  async list(filter: AuditFilter): Promise<ListAuditResponse> {
    const entries = await this.store.list(filter);
    const last = entries.at(-1);
    // A full page may have more behind it; a short page is the end.
    return { entries, nextBefore: entries.length === filter.limit && last ? last.id : null };
  }
}
