import type { Selectable } from 'kysely';
import { isUniqueViolation } from '../db/database.js';
import { QueryShapes } from '../db/query-shapes.js';
import { Store } from '../db/transactions.js';
import { unitWithin } from '../db/unit-tree.js';
import { vnDayOf, type DayCount } from '../db/vn-day.js';
import type { VerificationCodeTable } from '../db/schema.js';
import type { NewVerificationCode, TestType, VerificationCodeRecord } from './verification.model.js';
import type { CodeListFilter, VerificationRepository } from './verification.service.js';

const toRecord = (r: Selectable<VerificationCodeTable>): VerificationCodeRecord => ({
  id: Number(r.id),
  uuid: r.uuid,
  testType: r.test_type as TestType,
  symptomDate: r.symptom_date,
  testDate: r.test_date,
  issuedAt: r.issued_at,
  expiresAt: r.expires_at,
  longExpiresAt: r.long_expires_at,
  claimedAt: r.claimed_at,
});

export class VerificationStore extends Store implements VerificationRepository {
  /** A phone's claim and token use run on every upload: compiled once (see QueryShapes). */
  private readonly shapes = new QueryShapes();

  /** False when a live code already has the same hash (the caller draws another code). */
  async insertCode(code: NewVerificationCode): Promise<boolean> {
    try {
      await this.db
        .insertInto('verification_codes')
        .values({
          uuid: code.uuid,
          code_hash: code.codeHash,
          long_code_hash: code.longCodeHash,
          test_type: code.testType,
          symptom_date: code.symptomDate,
          test_date: code.testDate,
          issued_by: code.issuedBy,
          issued_at: code.issuedAt,
          expires_at: code.expiresAt,
          long_expires_at: code.longExpiresAt,
        })
        .execute();
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Erases the hashes of codes that can no longer be used, freeing their values for new codes. */
  async eraseDeadHashes(now: Date): Promise<void> {
    const at = now.toISOString();
    await this.db.updateTable('verification_codes').set({ code_hash: null }).where('code_hash', 'is not', null).where('expires_at', '<=', at).execute();
    await this.db.updateTable('verification_codes').set({ long_code_hash: null }).where('long_code_hash', 'is not', null).where('long_expires_at', '<=', at).execute();
  }

  /**
   * Claims the unexpired, unclaimed code with this hash, short or long, in one statement, so two phones racing with
   * the same code cannot both win; both hashes are erased with the claim.
   */
  async claim(hash: string, now: Date): Promise<VerificationCodeRecord | undefined> {
    const at = now.toISOString();
    const { rows } = await this.shapes.execute(this.db, 'claim', [at, null, null, hash, at, hash, at], () =>
      this.db
        .updateTable('verification_codes')
        .set({ claimed_at: at, code_hash: null, long_code_hash: null })
        .where('claimed_at', 'is', null)
        .where((eb) =>
          eb.or([
            eb.and([eb('code_hash', '=', hash), eb('expires_at', '>', at)]),
            eb.and([eb('long_code_hash', '=', hash), eb('long_expires_at', '>', at)]),
          ]),
        )
        .returningAll(),
    );
    const row = rows[0];
    return row && toRecord(row);
  }

  /** The same lookup as `claim`, changing nothing: chaff costs one query as a real verify does. */
  async peek(hash: string, now: Date): Promise<boolean> {
    const at = now.toISOString();
    const row = await this.db
      .selectFrom('verification_codes')
      .select('id')
      .where('claimed_at', 'is', null)
      .where((eb) => eb.or([eb.and([eb('code_hash', '=', hash), eb('expires_at', '>', at)]), eb.and([eb('long_code_hash', '=', hash), eb('long_expires_at', '>', at)])]))
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Newest first (by id), `limit` codes with an id below `beforeId`, of one officer or of the officers of a subtree. */
  async listCodes(filter: CodeListFilter, limit: number, beforeId?: number): Promise<VerificationCodeRecord[]> {
    let query = this.db.selectFrom('verification_codes').selectAll('verification_codes').orderBy('verification_codes.id', 'desc').limit(limit);
    if (beforeId !== undefined) query = query.where('verification_codes.id', '<', beforeId);
    if ('issuedBy' in filter) query = query.where('issued_by', '=', filter.issuedBy);
    else {
      const issuers = this.db.selectFrom('users').select('users.id').where(unitWithin(this.db, 'users.unit_code', filter.issuerUnitWithin));
      query = query.where('issued_by', 'in', issuers);
    }
    return (await query.execute()).map(toRecord);
  }

  /**
   * Records a token as exchanged; false when it already was. No exception for a repeat, so it can share a
   * transaction with other writes.
   */
  async useToken(jti: string, now: Date, expiresAt: string): Promise<boolean> {
    const usedAt = now.toISOString();
    const result = await this.shapes.execute(this.db, 'useToken', [jti, usedAt, expiresAt], () =>
      this.db
        .insertInto('verification_tokens_used')
        .values({ jti, used_at: usedAt, expires_at: expiresAt })
        .onConflict((oc) => oc.column('jti').doNothing()),
    );
    return Number(result.numAffectedRows ?? 0) === 1;
  }

  /** Forgets used tokens that would have expired anyway (a scheduled job; an index on expires_at keeps it cheap). */
  async sweepUsedTokens(now: Date): Promise<number> {
    const result = await this.db.deleteFrom('verification_tokens_used').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async codesIssuedPerDay(since: string): Promise<DayCount[]> {
    return this.perDay('issued_at', since);
  }

  async codesClaimedPerDay(since: string): Promise<DayCount[]> {
    return this.perDay('claimed_at', since);
  }

  private async perDay(column: 'issued_at' | 'claimed_at', since: string): Promise<DayCount[]> {
    const day = vnDayOf(this.db, column);
    const rows = await this.db
      .selectFrom('verification_codes')
      .select([day.as('date'), (eb) => eb.fn.countAll<string | number>().as('n')])
      .where(column, '>=', since)
      .groupBy(day)
      .execute();
    return rows.map((r) => ({ date: r.date, count: Number(r.n) }));
  }
}
