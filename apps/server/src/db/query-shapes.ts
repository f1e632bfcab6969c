import { CompiledQuery, type Compilable, type QueryResult } from 'kysely';
import type { Db } from './database.js';
import { prepared } from './prepared-statements.js';

/**
 * The SQL text of a hot query's shape, compiled by kysely once and reused with each call's parameters. kysely builds
 * and compiles every query anew (an operation tree, frozen, then visited); for the statements of a phone's upload,
 * a 14-row insert above all, that was a tenth of the server's thread in the publish benchmark's profile.
 *
 * A shape is a query whose text depends only on its key (say, the number of rows), never on its values. The first
 * call of each key compiles the query from kysely's builder and checks that the parameters it compiled are the ones
 * given, in the same order, so a key that fails to pin the text, or parameters listed in another order, fail at once
 * instead of binding values to the wrong columns.
 */
export class QueryShapes {
  private readonly texts = new Map<string, string>();

  async execute<R>(db: Db, key: string, parameters: readonly unknown[], build: () => Compilable<R>): Promise<QueryResult<R>> {
    let text = this.texts.get(key);
    if (text === undefined) {
      const compiled = build().compile();
      if (compiled.parameters.length !== parameters.length || compiled.parameters.some((p, i) => !sameValue(p, parameters[i]))) {
        throw new Error(`query shape ${key}: the parameters given are not the ones its query compiles`);
      }
      text = prepared(compiled.sql);
      this.texts.set(key, text);
    }
    return db.executeQuery<R>(CompiledQuery.raw(text, [...parameters]) as CompiledQuery<R>);
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (Buffer.isBuffer(a) && Buffer.isBuffer(b) && a.equals(b));
}
