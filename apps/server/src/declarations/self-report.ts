import { createHash, timingSafeEqual } from 'node:crypto';
import { vnDay, type SelfReportCheckRequest, type SelfReportRequest, type SelfReportStatus } from '@bluezone/contract';
import { AppError } from '../errors.js';
import type { Clock, Random } from '../platform/platform.js';
import type { RateLimiter } from '../platform/rate-limiter.js';
import { formatReceipt, isSelfReported, normalizeReceipt, type DeclarationRecord } from './declarations.model.js';
import type { DeclarationsStore } from './declarations.store.js';
import type { FollowUpService } from './follow-up.service.js';
import type { IntakeService } from './intake.service.js';

/**
 * The declarant's key: 128 random bits, base64url (22 characters). The receipt alone is not enough to report: it is
 * shown at checkpoints, printed as a QR code and has 40 bits, so anyone who saw it could report for its owner.
 */
export function newSelfReportKey(random: Random): string {
  return random.bytes(16).toString('base64url');
}

/**
 * What the server keeps of a key: its SHA-256. A key is 128 random bits, so a fast hash is enough (nothing to guess
 * from a dictionary), and a copy of the database does not hold the keys themselves.
 */
export function selfReportKeyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

function keyMatches(key: string, storedHash: string | null): boolean {
  if (storedHash === null) return false;
  const given = Buffer.from(selfReportKeyHash(key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/**
 * The declarant's side of monitoring, without an account: with the receipt and the self-report key of their
 * declaration, they read which days of their monitoring were checked and report a day themselves, from the app or
 * the web page. A report is a daily check as an official records it (screening judges it again, and the units are
 * told at once when it makes a suspected case), with no actor, audited as `declaration.self_check`. A wrong receipt,
 * a wrong key and a deleted declaration get the same answer; every attempt counts against the address's limit.
 */
export class SelfReportService {
  constructor(
    private readonly declarations: Pick<DeclarationsStore, 'getByReceipt' | 'get' | 'checks'>,
    private readonly followUp: Pick<FollowUpService, 'recordCheck'>,
    private readonly intake: Pick<IntakeService, 'healthStationFor'>,
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
  ) {}

  async status(request: SelfReportRequest, clientAddress: string): Promise<SelfReportStatus> {
    return this.statusOf(await this.authenticate(request, clientAddress));
  }

  async report(request: SelfReportCheckRequest, clientAddress: string): Promise<SelfReportStatus> {
    const declaration = await this.authenticate(request, clientAddress);
    const check = { day: request.day, symptoms: request.symptoms, ...(request.note !== undefined && { note: request.note }) };
    // No user: the audit row belongs to the declaration's commune, whose officials read it.
    const declarant = { actorId: null, actorName: null, audit: { id: null, username: null, unitCode: declaration.residenceUnitCode } };
    await this.followUp.recordCheck(declaration, check, declarant);
    const after = await this.declarations.get(declaration.id);
    if (!after) throw new AppError('invalid_self_report_key', 'no declaration has this receipt and key');
    return this.statusOf(after);
  }

  private async authenticate(request: SelfReportRequest, clientAddress: string): Promise<DeclarationRecord> {
    if (!(await this.limiter.attempt(clientAddress))) throw new AppError('rate_limited', 'too many self-reports from this address; wait a few minutes');
    const receipt = normalizeReceipt(request.receipt);
    const declaration = receipt === undefined ? undefined : await this.declarations.getByReceipt(receipt);
    if (!declaration || !keyMatches(request.key, declaration.selfReportKeyHash)) {
      throw new AppError('invalid_self_report_key', 'no declaration has this receipt and key');
    }
    return declaration;
  }

  private async statusOf(declaration: DeclarationRecord): Promise<SelfReportStatus> {
    const checks = await this.declarations.checks(declaration.id);
    return {
      receipt: formatReceipt(declaration.receipt),
      declaredDay: declaration.declaredDay,
      monitoringUntil: declaration.monitoringUntil,
      today: vnDay(this.clock.now()),
      suspected: declaration.suspected,
      checks: checks.map((c) => ({ day: c.day, symptoms: c.symptoms, selfReported: isSelfReported(c) })),
      healthStation: await this.intake.healthStationFor(declaration.residenceUnitCode),
    };
  }
}
