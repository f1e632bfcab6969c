import { CompiledQuery, type Selectable } from 'kysely';
import { isPostgres, isUniqueViolation, type Db } from '../db/database.js';
import { prepared } from '../db/prepared-statements.js';
import { QueryShapes } from '../db/query-shapes.js';
import { StatementBatch } from '../db/statement-batch.js';
import { Store } from '../db/transactions.js';
import { unitWithin } from '../db/unit-tree.js';
import { countPerVnDay, type DayCount } from '../db/vn-day.js';
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

interface Claim {
  hash: string;
  at: string;
}

interface TokenUse {
  jti: string;
  usedAt: string;
  expiresAt: string;
}

/**
 * The claims of several phones in one PostgreSQL statement: each code is matched by its hash as in `claim`, and the
 * hash it was claimed with is answered beside the row (whose hashes are erased by then).
 */
const CLAIM_MANY_POSTGRES = prepared(`update verification_codes as v set claimed_at = c.at, code_hash = null, long_code_hash = null
from unnest($1::text[], $2::text[]) as c(hash, at)
where v.claimed_at is null and ((v.code_hash = c.hash and v.expires_at > c.at) or (v.long_code_hash = c.hash and v.long_expires_at > c.at))
returning c.hash as claimed_with, v.*`);

/** The token uses of several phones in one PostgreSQL statement; the ids it answers are the ones recorded now. */
const USE_TOKENS_POSTGRES = prepared(`insert into verification_tokens_used (jti, used_at, expires_at)
select * from unnest($1::text[], $2::text[], $3::text[]) on conflict (jti) do nothing returning jti`);

/**
 * Items of a batch that repeat an earlier one's key (two phones with the same code, a token sent twice at once): only
 * the first goes into the merged statement, so at most one of them can win, as when they run one after the other.
 */
function firstOfEach<I>(items: readonly I[], key: (item: I) => string): { unique: I[]; first: boolean[] } {
  const seen = new Set<string>();
  const first = items.map((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { unique: items.filter((_, i) => first[i]), first };
}

export class VerificationStore extends Store implements VerificationRepository {
  /** A phone's claim and token use run on every upload: compiled once (see QueryShapes). */
  private readonly shapes = new QueryShapes();
  /**
   * On PostgreSQL, the claims and token uses of concurrent phones, outside a transaction, go out as one statement
   * each (see StatementBatch); the answer of each phone is as if its statement had run alone.
   */
  private readonly claims = isPostgres(this.root)
    ? new StatementBatch<Claim, VerificationCodeRecord | undefined>(
        async (items) => {
          const { unique, first } = firstOfEach(items, (c) => c.hash);
          const { rows } = await this.root.executeQuery<Selectable<VerificationCodeTable> & { claimed_with: string }>(
            CompiledQuery.raw(CLAIM_MANY_POSTGRES, [unique.map((c) => c.hash), unique.map((c) => c.at)]),
          );
          const byHash = new Map(rows.map((r) => [r.claimed_with, r]));
          return items.map((c, i) => {
            const row = first[i] ? byHash.get(c.hash) : undefined;
            if (!row) return undefined;
            const { claimed_with: _, ...code } = row;
            return toRecord(code);
          });
        },
        (c) => this.claimOne(c, this.root),
      )
    : undefined;
  private readonly tokenUses = isPostgres(this.root)
    ? new StatementBatch<TokenUse, boolean>(
        async (items) => {
          const { unique, first } = firstOfEach(items, (t) => t.jti);
          const { rows } = await this.root.executeQuery<{ jti: string }>(
            CompiledQuery.raw(USE_TOKENS_POSTGRES, [unique.map((t) => t.jti), unique.map((t) => t.usedAt), unique.map((t) => t.expiresAt)]),
          );
          const recorded = new Set(rows.map((r) => r.jti));
          return items.map((t, i) => first[i]! && recorded.has(t.jti));
        },
        (t) => this.useTokenOne(t, this.root),
      )
    : undefined;

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
    for (const statement of this.deadHashErasures(now)) await statement.execute();
  }

  /**
   * The two statements of `eraseDeadHashes`, each matching the predicate of a partial index of live codes
   * (migration 0011), so they read only the codes whose hash is still set; the store test checks the plans.
   */
  deadHashErasures(now: Date) {
    const at = now.toISOString();
    return [
      this.db.updateTable('verification_codes').set({ code_hash: null }).where('code_hash', 'is not', null).where('expires_at', '<=', at),
      this.db.updateTable('verification_codes').set({ long_code_hash: null }).where('long_code_hash', 'is not', null).where('long_expires_at', '<=', at),
    ] as const;
  }

  /**
   * Claims the unexpired, unclaimed code with this hash, short or long, in one statement, so two phones racing with
   * the same code cannot both win; both hashes are erased with the claim.
   */
  async claim(hash: string, now: Date): Promise<VerificationCodeRecord | undefined> {
    const claim = { hash, at: now.toISOString() };
    return this.claims && !this.inTransaction ? this.claims.submit(claim) : this.claimOne(claim, this.db);
  }

  private async claimOne({ hash, at }: Claim, db: Db): Promise<VerificationCodeRecord | undefined> {
    const { rows } = await this.shapes.execute(db, 'claim', [at, null, null, hash, at, hash, at], () =>
      db
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
    const use = { jti, usedAt: now.toISOString(), expiresAt };
    return this.tokenUses && !this.inTransaction ? this.tokenUses.submit(use) : this.useTokenOne(use, this.db);
  }

  private async useTokenOne({ jti, usedAt, expiresAt }: TokenUse, db: Db): Promise<boolean> {
    const result = await this.shapes.execute(db, 'useToken', [jti, usedAt, expiresAt], () =>
      db
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

  async codesIssuedPerDay(days: readonly string[]): Promise<DayCount[]> {
    return countPerVnDay(this.db, 'verification_codes', 'issued_at', days);
  }

  async codesClaimedPerDay(days: readonly string[]): Promise<DayCount[]> {
    return countPerVnDay(this.db, 'verification_codes', 'claimed_at', days);
  }
}
