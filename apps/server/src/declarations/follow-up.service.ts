import {
  addDays,
  vnDay,
  vnDayEnd,
  vnDayStart,
  type AddCheckRequest,
  type CheckpointView,
  type Declaration,
  type DeclarationFilter,
  type ListDeclarationsQuery,
  type ListDeclarationsResponse,
  type SelfReportKeyResponse,
  type UpdateDeclarationRequest,
  type User,
} from '@bluezone/contract';
import { actorOf, type Actor } from '../audit/audit.model.js';
import type { AuditService } from '../audit/audit.service.js';
import { decodeCursor, pageOf } from '../db/keyset.js';
import type { Transactions } from '../db/transactions.js';
import { AppError } from '../errors.js';
import type { Clock, Random } from '../platform/platform.js';
import type { RateLimiter } from '../platform/rate-limiter.js';
import type { ScreeningService } from '../screening/screening.service.js';
import type { ListFilter } from './declaration-lists.store.js';
import type { DeclarationListsStore } from './declaration-lists.store.js';
import { assessmentChanged, canMove, formatReceipt, normalizeReceipt, screeningInputOf, type DeclarationRecord } from './declarations.model.js';
import type { DeclarationAlerts } from './declarations.notify.js';
import type { DeclarationsStore } from './declarations.store.js';
import { checkpointViewOf, declarationOf, type PlaceNames } from './declarations.view.js';
import { newSelfReportKey, selfReportKeyHash } from './self-report.js';

/** Who records a daily check: an official (their id and name), or the declarant (no id, no name). */
export type CheckAuthor = { actorId: number; actorName: string; audit: Actor } | { actorId: null; actorName: null; audit: Actor };

/** A filter of the API as the store reads it: the viewer's unit by default, Vietnamese days as instants. */
export function listFilterOf(viewer: User, filter: DeclarationFilter): ListFilter {
  return {
    root: filter.unit ?? viewer.unitCode,
    ...(filter.flag !== undefined && { flag: filter.flag }),
    ...(filter.status !== undefined && { status: filter.status }),
    ...(filter.from !== undefined && { fromAt: vnDayStart(filter.from).toISOString() }),
    ...(filter.to !== undefined && { toAt: vnDayEnd(filter.to).toISOString() }),
  };
}

/**
 * The officials' side: the queue of a unit subtree, one declaration with its follow-up, the checkpoint look-up, and
 * the follow-up itself (status, notes, next day, daily checks of arrivals). Every read and change is audited.
 */
export class FollowUpService {
  constructor(
    private readonly declarations: DeclarationsStore,
    private readonly lists: Pick<DeclarationListsStore, 'queue'>,
    private readonly places: PlaceNames,
    private readonly screening: Pick<ScreeningService, 'assess'>,
    private readonly alerts: Pick<DeclarationAlerts, 'prepare' | 'tell'>,
    private readonly receiptLimiter: RateLimiter,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
    private readonly random: Random,
  ) {}

  /**
   * For the access rule: a unit the declaration is routed to inside the viewer's subtree, or, when none is, one that
   * is not (the rule then answers forbidden); undefined when there is no such declaration (the service answers 404).
   */
  async scopeUnit(id: number, viewer: User): Promise<string | undefined> {
    return (await this.declarations.routeWithin(id, viewer.unitCode)) ?? (await this.declarations.routes(id))[0];
  }

  async list(viewer: User, query: ListDeclarationsQuery): Promise<ListDeclarationsResponse> {
    const { limit, cursor, ...filter } = query;
    const after = cursor === undefined ? undefined : decodeCursor(cursor, ['number', 'string', 'number'] as const);
    const rows = await this.lists.queue(listFilterOf(viewer, filter), limit + 1, after);
    const page = pageOf(rows, limit, (r) => [r.priority, r.declaredAt, r.id]);
    await this.audit.record({ actor: actorOf(viewer), action: 'declaration.list', detail: { ...filter, unit: filter.unit ?? viewer.unitCode, count: page.items.length } });
    return { declarations: page.items.map(({ priority: _priority, ...summary }) => summary), nextCursor: page.nextCursor };
  }

  async get(viewer: User, id: number): Promise<Declaration> {
    const declaration = await this.require(id);
    await this.audit.record({ actor: actorOf(viewer), action: 'declaration.read', targetType: 'declaration', targetId: id });
    return this.view(declaration);
  }

  /** A checkpoint's look-up: any officer holding the citizen's receipt sees who it is and what screening found. */
  async byReceipt(viewer: User, typed: string): Promise<CheckpointView> {
    if (!(await this.receiptLimiter.attempt(`user:${viewer.id}`))) throw new AppError('rate_limited', 'too many receipt look-ups; wait a minute');
    const receipt = normalizeReceipt(typed);
    const declaration = receipt === undefined ? undefined : await this.declarations.getByReceipt(receipt);
    if (!declaration) throw new AppError('not_found', 'no declaration has this receipt (it may have been deleted after its retention)');
    const inScope = (await this.declarations.routeWithin(declaration.id, viewer.unitCode)) !== undefined;
    const view = await checkpointViewOf(declaration, this.clock.now(), inScope, this.places);
    await this.audit.record({ actor: actorOf(viewer), action: 'declaration.read_by_receipt', targetType: 'declaration', targetId: declaration.id, detail: { receiptValid: view.receiptValid } });
    return view;
  }

  async update(viewer: User, id: number, request: UpdateDeclarationRequest): Promise<Declaration> {
    const before = await this.require(id);
    const status = request.status !== undefined && request.status !== before.status ? request.status : undefined;
    if (status !== undefined && !canMove(before.status, status)) {
      throw new AppError('status_not_allowed', `a declaration cannot go from ${before.status} to ${status}`, [{ field: 'status', problem: 'invalid_value' }]);
    }
    const at = this.clock.now().toISOString();
    const actor = { actorId: viewer.id, actorName: viewer.username, at };
    await this.transactions.run(async () => {
      await this.declarations.setFollowUp(id, { ...(status !== undefined && { status }), ...(request.nextFollowUp !== undefined && { nextFollowUp: request.nextFollowUp }) }, at);
      if (status !== undefined) await this.declarations.addEvent(id, { ...actor, kind: 'status', fromStatus: before.status, toStatus: status, note: request.note ?? null, nextFollowUp: null });
      else if (request.note !== undefined) await this.declarations.addEvent(id, { ...actor, kind: 'note', fromStatus: null, toStatus: null, note: request.note, nextFollowUp: null });
      if (request.nextFollowUp !== undefined) await this.declarations.addEvent(id, { ...actor, kind: 'follow_up', fromStatus: null, toStatus: null, note: null, nextFollowUp: request.nextFollowUp });
      // The note is health data: the log says one was written, not what it says.
      await this.audit.record({
        actor: actorOf(viewer),
        action: 'declaration.update',
        targetType: 'declaration',
        targetId: id,
        detail: { ...(status !== undefined && { from: before.status, to: status }), ...(request.nextFollowUp !== undefined && { nextFollowUp: request.nextFollowUp }), note: request.note !== undefined },
      });
    });
    return this.view(await this.require(id));
  }

  /**
   * A new self-report link for a declarant who lost theirs (a closed browser tab, a lost phone): a new key replaces
   * the old, which stops working, so a link in someone else's hands reports no more. The officer gives the link to
   * the declarant (read out, sent, or shown as its QR code); only its hash is kept, as at the declaration.
   */
  async newSelfReportKey(viewer: User, id: number): Promise<SelfReportKeyResponse> {
    const declaration = await this.require(id);
    const key = newSelfReportKey(this.random);
    const at = this.clock.now().toISOString();
    await this.transactions.run(async () => {
      await this.declarations.setSelfReportKeyHash(id, selfReportKeyHash(key), at);
      await this.declarations.addEvent(id, { at, actorId: viewer.id, actorName: viewer.username, kind: 'self_report_key', fromStatus: null, toStatus: null, note: null, nextFollowUp: null });
      await this.audit.record({ actor: actorOf(viewer), action: 'declaration.self_report_key', targetType: 'declaration', targetId: id });
    });
    return { receipt: formatReceipt(declaration.receipt), selfReportKey: key };
  }

  /**
   * A day of an arrival's monitoring: no symptoms, or symptoms, which screening judges again (an arrival with fever
   * becomes a suspected case, and the units are told at once).
   */
  async addCheck(viewer: User, id: number, request: AddCheckRequest): Promise<Declaration> {
    await this.recordCheck(await this.require(id), request, { actorId: viewer.id, actorName: viewer.username, audit: actorOf(viewer) });
    return this.view(await this.require(id));
  }

  /**
   * Records a day's check, by an official or by the declarant (`SelfReportService`: no actor, audited as
   * `declaration.self_check`), replacing an earlier check of the same day.
   */
  async recordCheck(before: DeclarationRecord, request: AddCheckRequest, by: CheckAuthor): Promise<void> {
    const id = before.id;
    const today = vnDay(this.clock.now());
    if (before.monitoringUntil === null) throw new AppError('validation_failed', 'only an arrival from an epidemic area is monitored day by day', [{ field: 'day', problem: 'invalid_value' }]);
    if (request.day > today || request.day > before.monitoringUntil) throw new AppError('validation_failed', 'a check is for a day of the monitoring, today or before', [{ field: 'day', problem: 'too_big' }]);
    if (request.day < addDays(before.declaredDay, -1)) throw new AppError('validation_failed', 'a check is for a day after the declaration', [{ field: 'day', problem: 'too_small' }]);
    const at = this.clock.now().toISOString();
    const actor = { actorId: by.actorId, actorName: by.actorName };
    const checks = [...(await this.declarations.checks(id)).filter((c) => c.day !== request.day), { day: request.day, symptoms: request.symptoms, note: request.note ?? null, at, ...actor }];
    const screening = await this.screening.assess(screeningInputOf(before, checks));
    const after = { suspected: screening.suspected, arrival: screening.arrivalFromEpidemicArea, reasons: screening.reasons, rule: screening.rule, monitoringUntil: screening.monitoringUntil };
    const becameSuspected = after.suspected && !before.suspected;
    const alert = await this.transactions.run(async () => {
      await this.declarations.putCheck(id, checks.at(-1)!);
      await this.declarations.addEvent(id, { at, ...actor, kind: 'check', fromStatus: null, toStatus: null, note: request.note ?? null, nextFollowUp: null });
      if (assessmentChanged(before, after)) {
        await this.declarations.setAssessment(id, after, at);
        await this.declarations.addEvent(id, { at, ...actor, kind: 'assessment', fromStatus: null, toStatus: null, note: null, nextFollowUp: null });
      }
      await this.audit.record({
        actor: by.audit,
        action: by.actorId === null ? 'declaration.self_check' : 'declaration.check',
        targetType: 'declaration',
        targetId: id,
        detail: { day: request.day, symptoms: request.symptoms.length > 0, becameSuspected },
      });
      return becameSuspected ? this.alerts.prepare('declaration.suspected', id, { suspected: true, arrival: after.arrival }, await this.declarations.routes(id)) : undefined;
    });
    if (alert) this.alerts.tell([alert]);
  }

  private async require(id: number): Promise<DeclarationRecord> {
    const declaration = await this.declarations.get(id);
    if (!declaration) throw new AppError('not_found', `no declaration with id ${id}`);
    return declaration;
  }

  private async view(declaration: DeclarationRecord): Promise<Declaration> {
    const [routes, events, checks] = await Promise.all([this.declarations.routes(declaration.id), this.declarations.events(declaration.id), this.declarations.checks(declaration.id)]);
    return declarationOf(declaration, routes, events, checks, this.places);
  }
}
