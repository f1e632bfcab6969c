interface Waiting<I, O> {
  item: I;
  resolve(value: O): void;
  reject(error: unknown): void;
}

/**
 * Merges the same single-statement write of concurrent requests into one statement (for PostgreSQL: `insert … select
 * from unnest($1::…[], …)`), run outside any transaction, so it commits, and is durable, when PostgreSQL answers it.
 * Each request still resolves only after that answer. On PostgreSQL every statement of an upload cost a socket
 * write on the server's thread (a fifth of its time in the publish benchmark's profile: on loopback the write runs
 * PostgreSQL's side of TCP and wakes its backend) and a commit with its WAL flush in PostgreSQL; a batch pays those
 * once.
 *
 * Batches form without a timer, at most `lanes` in flight, so a lone request waits for nothing and batches grow with
 * the load. Where `gather` is set (the default), a lane first lets every request already read from the sockets reach
 * the queue (one turn of the event loop); without it, a free lane sends what it has at once, and batches form only
 * while every lane is busy. Group commit (transactions.ts) batches whole transactions the same way, gathering. A
 * batch of one runs `one`, the plain statement. If the merged statement fails (a unique violation, say), nothing of
 * it was written, and each item runs again alone with `one`, in order, so only the failing one fails, with its own
 * error.
 */
export interface BatchOptions {
  /** Batches in flight at once. */
  lanes?: number;
  /** Items in one batch at most. */
  maxBatch?: number;
  /** Whether a lane waits one turn of the event loop before its first batch. */
  gather?: boolean;
}

/**
 * The merged statements of a phone's upload on PostgreSQL send at once when a lane is free. Waiting a turn to gather
 * made batches larger but every statement later, while the server's thread sat idle half the time waiting on
 * PostgreSQL: sending at once gave 1,094–1,193 against 1,023–1,100 whole uploads a second (publish benchmark, three
 * pairs, 8 phones at a time, warm). SQLite's group commit still gathers (see lane()).
 */
export const MERGED_ON_POSTGRES: BatchOptions = { gather: false };

export class StatementBatch<I, O> {
  private queue: Waiting<I, O>[] = [];
  private running = 0;
  /** Items answered by a merged statement, and merged statements that failed (their items then ran alone). */
  readonly counts = { merged: 0, failedMerges: 0 };

  private readonly lanes: number;
  private readonly maxBatch: number;
  private readonly gather: boolean;

  constructor(
    /** The merged statement: answers one result per item, in the items' order. */
    private readonly many: (items: readonly I[]) => Promise<O[]>,
    /** The statement of one item. */
    private readonly one: (item: I) => Promise<O>,
    { lanes = 4, maxBatch = 100, gather = true }: BatchOptions = {},
  ) {
    this.lanes = lanes;
    this.maxBatch = maxBatch;
    this.gather = gather;
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.running < this.lanes) void this.lane();
    });
  }

  private async lane(): Promise<void> {
    this.running++;
    try {
      // Let every request already read from the sockets reach the batch first: SQLite runs a whole transaction in
      // microtasks, so without this turn of the event loop each group held only the request that started it
      // (measured: 1.5 works a group under the publish benchmark).
      if (this.gather) await new Promise<void>((resolve) => setImmediate(resolve));
      while (this.queue.length > 0) {
        await this.flush(this.queue.splice(0, this.maxBatch));
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      this.running--;
    }
  }

  private async flush(batch: Waiting<I, O>[]): Promise<void> {
    if (batch.length > 1) {
      let results: O[] | undefined;
      try {
        results = await this.many(batch.map((w) => w.item));
      } catch {
        results = undefined;
        this.counts.failedMerges++;
      }
      if (results) {
        // Written already: a wrong count is a bug of `many`, never a reason to write again.
        const wrong = results.length === batch.length ? undefined : new Error(`a merged statement answered ${results.length} results for ${batch.length} items`);
        batch.forEach((w, i) => (wrong ? w.reject(wrong) : w.resolve(results[i]!)));
        if (!wrong) this.counts.merged += batch.length;
        return;
      }
    }
    for (const w of batch) await this.one(w.item).then(w.resolve, w.reject);
  }
}
