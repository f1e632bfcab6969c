import { AsyncLocalStorage } from 'node:async_hooks';
import { isPostgres, type Db } from './database.js';
import { StatementBatch } from './statement-batch.js';

/** Groups committing at once on PostgreSQL (its pool holds 10 connections; requests' reads need some too). */
const GROUP_LANES_POSTGRES = 4;

/**
 * A change and its audit row commit together or not at all. A service wraps the steps in `transactions.run()`; every
 * store call inside it, whichever store, runs on the same database transaction without being handed it, because
 * stores take their executor from `executorFor()`. Outside `run()` they use the database itself.
 */
export interface Transactions {
  run<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Like run, but the work may share one transaction, and so one commit, with other works submitted meanwhile
   * (group commit). It resolves only after that commit, so an answer sent then is durable. For short writes many
   * requests make at once (a phone's upload): one fsync for many of them instead of one each. A work must touch
   * nothing but the database, since a failure makes every work of its group run again, alone.
   */
  grouped<T>(work: () => Promise<T>): Promise<T>;
  /**
   * For a work of exactly one statement, durable once it resolves, as with grouped. On SQLite it is grouped: a
   * commit there is an fsync on the server's own thread, which a group shares. On PostgreSQL it runs alone, outside
   * any transaction: one statement is a transaction of its own, committed (and flushed, with synchronous_commit on)
   * before PostgreSQL answers it, so it costs one round trip instead of BEGIN, itself and COMMIT, or n + 2 for a
   * group of n. Round trips, not commits, were most of the server's CPU for an upload on PostgreSQL (each a socket
   * write and read: about a third of the thread's time in the publish benchmark's profile). Inside an open
   * transaction it joins it, as grouped does.
   */
  groupedStatement<T>(work: () => Promise<T>): Promise<T>;
}

interface Open {
  root: Db;
  trx: Db;
}

const open = new AsyncLocalStorage<Open>();

export function databaseTransactions(root: Db): Transactions {
  const run = <T>(work: () => Promise<T>): Promise<T> => {
    // Nested runs join the outer transaction: a service that calls another keeps one unit of work.
    if (open.getStore()?.root === root) return work();
    return root.transaction().execute((trx) => open.run({ root, trx }, work));
  };
  const postgres = isPostgres(root);
  const group = groupCommit(run, postgres ? GROUP_LANES_POSTGRES : 1);
  const grouped = <T>(work: () => Promise<T>): Promise<T> => (open.getStore()?.root === root ? work() : (group.submit(work) as Promise<T>));
  return {
    run,
    grouped,
    groupedStatement: postgres ? (work) => work() : grouped,
  };
}

type Work = () => Promise<unknown>;

/**
 * Group commit: runs the works submitted while the previous group was committing as one transaction, batched as
 * StatementBatch batches (no timer, so a lone work waits for nothing, and groups grow with the load). On SQLite (one
 * connection, FULL sync) a commit is an fsync of a few milliseconds on the project's machine, which capped uploads
 * at a few hundred a second; on PostgreSQL a group saves the round trips of a transaction each. If any work of a
 * group throws, the group's transaction rolls back and each of its works runs again alone, so only the failing one
 * fails. `lanes`: groups committing at once. One on SQLite (one connection, one writer); several on PostgreSQL,
 * whose own group commit then shares a WAL flush between them while the next group is being written.
 */
function groupCommit(run: <T>(work: () => Promise<T>) => Promise<T>, lanes: number): StatementBatch<Work, unknown> {
  const together = (works: readonly Work[]) =>
    run(async () => {
      const out: unknown[] = [];
      for (const work of works) out.push(await work());
      return out;
    });
  return new StatementBatch<Work, unknown>(together, (work) => run(work), lanes, 200);
}

/** What a store should run its queries on: the transaction open on this database in this call chain, if any. */
export function executorFor(root: Db): Db {
  const current = open.getStore();
  return current !== undefined && current.root === root ? current.trx : root;
}

/** For services tested with in-memory fakes: runs the work as is. */
export const noTransactions: Transactions = { run: (work) => work(), grouped: (work) => work(), groupedStatement: (work) => work() };

/** Base of every store: `this.db` is the open transaction when there is one, the database otherwise. */
export abstract class Store {
  constructor(protected readonly root: Db) {}
  protected get db(): Db {
    return executorFor(this.root);
  }
  /** Whether a transaction is open on this store's database in this call chain. */
  protected get inTransaction(): boolean {
    return open.getStore()?.root === this.root;
  }
}
