import type { PublishRequest, PublishResponse } from '@bluezone/contract';
import { AppError } from '../errors.js';
import type { Transactions } from '../db/transactions.js';
import type { Platform } from '../platform/platform.js';
import type { DayCount } from '../db/vn-day.js';
import { verifyCertificate, type TrustedIssuer } from './certificates.js';
import type { PublishConfig } from './publish.config.js';
import { keysMatchHmac, revisedReportType, transformKeys, type ValidKey } from './publish.model.js';
import type { KeyRevision, NewExposureMeta, PublishedKey } from './publish.store.js';
import type { RevisionTokens } from './revision-token.js';

/** What the service needs of its store. */
export interface PublishRepository {
  findPublished(keys: readonly Buffer[]): Promise<PublishedKey[]>;
  /** Stores keys none of which was published before, in one statement; false, with nothing written, if one was. */
  insertNew(keys: readonly ValidKey[], meta: NewExposureMeta): Promise<boolean>;
  save(inserts: readonly ValidKey[], meta: NewExposureMeta, revisions: readonly KeyRevision[]): Promise<void>;
  keysPublishedPerDay(days: readonly string[]): Promise<DayCount[]>;
}

/** A publish that passed every check but those of keys published before. */
interface CheckedPublish {
  keys: ValidKey[];
  warnings: string[];
  reportType: 'confirmed' | 'likely' | 'negative';
}

interface PublishPlan {
  inserts: ValidKey[];
  revisions: KeyRevision[];
  covered: ValidKey[];
  warnings: string[];
}

/**
 * The key server's publish: checks a phone's keys against its certificate and Google's rules, stores them with
 * their embargo, and revises keys published before when a revision token vouches for them. It never sees who the
 * phone belongs to, and stores nothing about the phone or its address.
 */
export class PublishService {
  constructor(
    private readonly store: PublishRepository,
    private readonly revisionTokens: RevisionTokens,
    private readonly issuers: readonly TrustedIssuer[],
    private readonly config: PublishConfig,
    private readonly platform: Platform,
    private readonly transactions: Transactions,
  ) {}

  /** With `chaff`, everything is checked as for a real publish and nothing is written; the answer looks the same. */
  async publish(request: PublishRequest, chaff: boolean): Promise<PublishResponse> {
    const now = this.platform.clock.now();
    if (chaff) {
      await this.check(request, now)
        .then((checked) => this.plan(request, checked, now))
        .catch(() => undefined);
      return { insertedExposures: Math.min(request.temporaryExposureKeys.length, this.config.maxKeys), revisionToken: this.revisionTokens.seal([]) };
    }
    const checked = await this.check(request, now);
    const meta = { reportType: checked.reportType, traveler: request.traveler === true, healthAuthority: request.healthAuthorityID, createdAt: now.toISOString() };
    const answer = (inserted: number, covered: readonly ValidKey[], warnings: readonly string[]): PublishResponse => ({
      insertedExposures: inserted,
      revisionToken: this.revisionTokens.seal(covered),
      ...(warnings.length > 0 ? { warnings: [...warnings] } : {}),
    });
    // Nearly every publish is of keys never published: they are inserted at once, in one statement, and published
    // keys are looked for only when that statement finds one (key_data is unique, so it then writes nothing). The
    // look-up first cost every upload a statement more. A negative test publishes no new keys, so it looks first.
    // Group commit: the keys are durable before the phone hears they were taken, and concurrent publishes share a
    // commit (see Transactions.grouped); a single statement needs no transaction around it (groupedStatement).
    if (checked.reportType !== 'negative' && (await this.transactions.groupedStatement(() => this.store.insertNew(checked.keys, meta)))) {
      return answer(checked.keys.length, checked.keys, checked.warnings);
    }
    const plan = await this.plan(request, checked, now);
    const save = () => this.store.save(plan.inserts, meta, plan.revisions);
    await (plan.revisions.length === 0 ? this.transactions.groupedStatement(save) : this.transactions.grouped(save));
    return answer(plan.inserts.length + plan.revisions.length, plan.covered, plan.warnings);
  }

  /** Keys published on each of these Vietnamese days, for the anonymous statistics. */
  keysPublishedPerDay(days: readonly string[]): Promise<DayCount[]> {
    return this.store.keysPublishedPerDay(days);
  }

  /** Every check, in the order of Google's publish handler, but those of keys published before; throws the first refusal. */
  private async check(request: PublishRequest, now: Date): Promise<CheckedPublish> {
    if (!this.config.healthAuthorities.includes(request.healthAuthorityID)) {
      throw new AppError('unknown_health_authority', `unknown healthAuthorityID "${request.healthAuthorityID.slice(0, 64)}"`);
    }
    const keys = request.temporaryExposureKeys;
    if (keys.length > this.config.maxKeys) throw new AppError('too_many_keys', `at most ${this.config.maxKeys} keys per publish, got ${keys.length}`);
    const certificate = await verifyCertificate(request.verificationPayload, this.issuers, now);
    if (!certificate) throw new AppError('certificate_invalid', 'the verification certificate is not valid');
    const hmacKey = Buffer.from(request.hmacKey, 'base64');
    if (hmacKey.length === 0 || hmacKey.toString('base64') !== request.hmacKey) throw new AppError('validation_failed', 'body.hmacKey: not standard base64');
    if (!keysMatchHmac(keys, hmacKey, certificate.tekmac)) throw new AppError('hmac_mismatch', 'the keys do not match the certificate');

    const onset = certificate.symptomOnsetInterval ?? request.symptomOnsetInterval ?? certificate.testDateInterval;
    const transformed = transformKeys(keys, { now, reportType: certificate.reportType, symptomOnsetInterval: onset ?? null }, this.config);
    if ('overlapping' in transformed) throw new AppError('overlapping_keys', transformed.overlapping);
    if (transformed.keys.length === 0) throw new AppError('invalid_key', `no valid key: ${transformed.warnings.join('; ')}`);
    return { keys: transformed.keys, warnings: transformed.warnings, reportType: certificate.reportType };
  }

  /** What to insert and what to revise, given the keys published before; throws when a revision is refused. */
  private async plan(request: PublishRequest, checked: CheckedPublish, now: Date): Promise<PublishPlan> {
    const { keys, reportType } = checked;
    const warnings = [...checked.warnings];
    const published = new Map((await this.store.findPublished(keys.map((k) => k.keyData))).map((p) => [p.keyData.toString('hex'), p]));
    const inserts: ValidKey[] = [];
    const revisions: KeyRevision[] = [];
    const covered: ValidKey[] = [];
    if (published.size > 0) {
      const vouched = new Set((request.revisionToken ? this.revisionTokens.open(request.revisionToken) : undefined)?.map(revisableId) ?? []);
      for (const key of keys) {
        const old = published.get(key.keyData.toString('hex'));
        if (old && !vouched.has(revisableId(old))) throw new AppError('invalid_revision_token', 'some keys were published before and the revision token does not cover them');
      }
    }
    for (const key of keys) {
      const old = published.get(key.keyData.toString('hex'));
      if (!old) {
        // A negative test withdraws keys; it never publishes new ones (they would warn nobody of anything).
        if (reportType === 'negative') {
          warnings.push(`key ${key.keyData.toString('base64')}: a negative test publishes no new keys; not published`);
          continue;
        }
        inserts.push(key);
        covered.push(key);
        continue;
      }
      covered.push(key);
      const to = revisedReportType(old.revisedReportType ?? old.reportType, reportType);
      if (to === 'unchanged') continue;
      if (to === undefined || old.revisedReportType !== null) {
        throw new AppError('revision_not_allowed', `keys reported ${old.revisedReportType ?? old.reportType} cannot become ${reportType}`);
      }
      revisions.push({ id: old.id, reportType: to, transmissionRisk: key.transmissionRisk, daysSinceOnset: key.daysSinceOnset, revisedAt: now.toISOString() });
    }
    return { inserts, revisions, covered, warnings };
  }
}

const revisableId = (k: { keyData: Buffer; rollingStartInterval: number; rollingPeriod: number }) =>
  `${k.keyData.toString('hex')}.${k.rollingStartInterval}.${k.rollingPeriod}`;
