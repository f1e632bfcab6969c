import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './database.js';

/**
 * A change and its audit row commit together or not at all. A service wraps the steps in `transactions.run()`; every
 * store call inside it, whichever store, runs on the same database transaction without being handed it, because
 * stores take their executor from `executorFor()`. Outside `run()` they use the database itself.
 */
export interface Transactions {
  run<T>(work: () => Promise<T>): Promise<T>;
}

interface Open {
  root: Db;
  trx: Db;
}

const open = new AsyncLocalStorage<Open>();

export function databaseTransactions(root: Db): Transactions {
  return {
    run: (work) => {
      // Nested runs join the outer transaction: a service that calls another keeps one unit of work.
      if (open.getStore()?.root === root) return work();
      return root.transaction().execute((trx) => open.run({ root, trx }, work));
    },
  };
}

/** What a store should run its queries on: the transaction open on this database in this call chain, if any. */
export function executorFor(root: Db): Db {
  const current = open.getStore();
  return current !== undefined && current.root === root ? current.trx : root;
}

/** For services tested with in-memory fakes: runs the work as is. */
export const noTransactions: Transactions = { run: (work) => work() };

/** Base of every store: `this.db` is the open transaction when there is one, the database otherwise. */
export abstract class Store {
  constructor(private readonly root: Db) {}
  protected get db(): Db {
    return executorFor(this.root);
  }
}
