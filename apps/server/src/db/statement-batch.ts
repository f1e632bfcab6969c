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
 * Batches form from every request already read from the sockets (one turn of the event loop), with no timer, at most
 * `lanes` batches in flight; group commit (transactions.ts) batches whole transactions the same way. A batch of one runs `one`, the plain statement. If the merged statement
 * fails (a unique violation, say), nothing of it was written, and each item runs again alone with `one`, in order,
 * so only the failing one fails, with its own error.
 */
export class StatementBatch<I, O> {
  private queue: Waiting<I, O>[] = [];
  private running = 0;
  /** Items answered by a merged statement, and merged statements that failed (their items then ran alone). */
  readonly counts = { merged: 0, failedMerges: 0 };

  constructor(
    /** The merged statement: answers one result per item, in the items' order. */
    private readonly many: (items: readonly I[]) => Promise<O[]>,
    /** The statement of one item. */
    private readonly one: (item: I) => Promise<O>,
    private readonly lanes = 4,
    private readonly maxBatch = 100,
  ) {}

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
      await new Promise<void>((resolve) => setImmediate(resolve));
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
