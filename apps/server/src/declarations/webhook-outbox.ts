import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../db/schema.js';
import { Store } from '../db/transactions.js';
import type { Clock } from '../platform/platform.js';
import { SIGNATURE_HEADER, signatureHeader } from './webhook.js';

export interface WebhookDelivery {
  id: number;
  event: string;
  body: string;
  attempts: number;
}

/** The outbox of the declarations webhook (table declaration_webhooks). */
export class WebhookOutboxStore extends Store {
  async enqueue(event: string, body: string, at: Date): Promise<void> {
    await this.db.insertInto('declaration_webhooks').values({ event, body, next_attempt_at: at.toISOString(), created_at: at.toISOString() }).execute();
  }

  /** Takes up to `limit` due deliveries for this process until `leaseUntil`; another process skips them meanwhile. */
  async claimDue(now: Date, leaseUntil: Date, maxAttempts: number, limit: number): Promise<WebhookDelivery[]> {
    const free = (eb: ExpressionBuilder<Database, 'declaration_webhooks'>) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now.toISOString())]);
    const due = await this.db
      .selectFrom('declaration_webhooks')
      .selectAll()
      .where('delivered_at', 'is', null)
      .where('next_attempt_at', '<=', now.toISOString())
      .where('attempts', '<', maxAttempts)
      .where(free)
      .orderBy('id')
      .limit(limit)
      .execute();
    const claimed: WebhookDelivery[] = [];
    for (const row of due) {
      const taken = await this.db.updateTable('declaration_webhooks').set({ lease_until: leaseUntil.toISOString() }).where('id', '=', row.id).where(free).executeTakeFirst();
      if (Number(taken.numUpdatedRows) === 1) claimed.push({ id: Number(row.id), event: row.event, body: row.body, attempts: Number(row.attempts) });
    }
    return claimed;
  }

  async markDelivered(id: number, at: Date): Promise<void> {
    await this.db
      .updateTable('declaration_webhooks')
      .set((eb) => ({ delivered_at: at.toISOString(), lease_until: null, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }

  async markFailed(id: number, nextAttemptAt: Date, error: string): Promise<void> {
    await this.db
      .updateTable('declaration_webhooks')
      .set((eb) => ({ next_attempt_at: nextAttemptAt.toISOString(), lease_until: null, last_error: error.slice(0, 500), attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }

  /** Rows older than `cutoff` leave, delivered or not (they hold no personal data, only ids and flags). */
  async deleteOlderThan(cutoff: Date): Promise<number> {
    const result = await this.db.deleteFrom('declaration_webhooks').where('created_at', '<', cutoff.toISOString()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

/** Waits between attempts: 30 s, 1 min, 2 min, … up to an hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(30 * 2 ** Math.max(0, attempts - 1), 3600);
}

const TIMEOUT_MS = 10_000;

/**
 * Sends the outbox: a signed POST per event (see webhook.ts); any 2xx answer is success, anything else is retried
 * later. `X-Bluezone-Delivery` names the delivery, the same on every retry, so a receiver can drop a repeat.
 */
export class WebhookSender {
  private sweeping: Promise<{ delivered: number; failed: number }> | undefined;

  constructor(
    private readonly outbox: WebhookOutboxStore,
    private readonly target: { url: string; secret: string } | undefined,
    private readonly maxAttempts: number,
    private readonly clock: Clock,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  get enabled(): boolean {
    return this.target !== undefined;
  }

  /** Queues an event; call inside the change's transaction, so an event exists exactly when its change does. */
  async enqueue(event: string, data: Record<string, unknown>): Promise<void> {
    if (!this.target) return;
    const now = this.clock.now();
    await this.outbox.enqueue(event, JSON.stringify({ event, occurredAt: now.toISOString(), data }), now);
  }

  /** Sends every due delivery; sweeps never overlap within a process (the lease covers other processes). */
  deliverDue(): Promise<{ delivered: number; failed: number }> {
    if (!this.target) return Promise.resolve({ delivered: 0, failed: 0 });
    if (!this.sweeping) this.sweeping = this.sweep(this.target).finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweep(target: { url: string; secret: string }): Promise<{ delivered: number; failed: number }> {
    let delivered = 0;
    let failed = 0;
    for (;;) {
      const now = this.clock.now();
      const batch = await this.outbox.claimDue(now, new Date(now.getTime() + 60_000), this.maxAttempts, 50);
      if (batch.length === 0) return { delivered, failed };
      for (const delivery of batch) {
        try {
          await this.post(target, delivery);
          await this.outbox.markDelivered(delivery.id, this.clock.now());
          delivered++;
        } catch (error) {
          const next = new Date(this.clock.now().getTime() + retryDelaySeconds(delivery.attempts + 1) * 1000);
          await this.outbox.markFailed(delivery.id, next, error instanceof Error ? error.message : String(error));
          failed++;
        }
      }
    }
  }

  private async post(target: { url: string; secret: string }, delivery: WebhookDelivery): Promise<void> {
    const timestamp = Math.floor(this.clock.now().getTime() / 1000);
    const response = await this.fetchImpl(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Bluezone-Webhook/1',
        'x-bluezone-event': delivery.event,
        'x-bluezone-delivery': String(delivery.id),
        [SIGNATURE_HEADER]: signatureHeader(target.secret, timestamp, delivery.body),
      },
      body: delivery.body,
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.status < 200 || response.status > 299) throw new Error(`webhook answered ${response.status}`);
  }
}
