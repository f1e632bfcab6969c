import type { AreaRecord } from '../epidemic-areas/epidemic-areas.model.js';
import { SYSTEM_ACTOR } from '../audit/audit.model.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Transactions } from '../db/transactions.js';
import type { Clock } from '../platform/platform.js';
import type { ScreeningService } from '../screening/screening.service.js';
import type { DeclarationListsStore } from './declaration-lists.store.js';
import { assessmentChanged, screeningInputOf } from './declarations.model.js';
import type { Alert, DeclarationAlerts } from './declarations.notify.js';
import type { DeclarationsStore } from './declarations.store.js';

export interface PlacesAround {
  /** The code, every place inside it (a province's wards, a ward's villages) and every place around it. */
  overlapping(code: string): Promise<string[]>;
}

/**
 * Screening again when the list of epidemic areas changes: an area added today for the last ten days makes arrivals of
 * people who declared a week ago, and an area entered by mistake and removed unmakes them. Only open declarations
 * that visited a place the area overlaps are read again; each one whose assessment changes is updated, with an event
 * in its history, and its units are told when it becomes suspected or an arrival.
 */
export class Rescreening {
  constructor(
    private readonly declarations: DeclarationsStore,
    private readonly lists: Pick<DeclarationListsStore, 'visitingUnits' | 'abroadBetween'>,
    private readonly places: PlacesAround,
    private readonly screening: Pick<ScreeningService, 'assess'>,
    private readonly alerts: Pick<DeclarationAlerts, 'prepare' | 'tell'>,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  /** The area change listener: returns how many declarations changed. */
  readonly onAreaChange = async (before: AreaRecord | null, after: AreaRecord | null): Promise<number> => {
    const ids = new Set<number>();
    for (const area of [before, after]) if (area) for (const id of await this.candidates(area)) ids.add(id);
    let changed = 0;
    const alerts: Alert[] = [];
    for (const id of [...ids].sort((a, b) => a - b)) {
      const outcome = await this.rescreen(id);
      if (outcome.changed) changed++;
      if (outcome.alert) alerts.push(outcome.alert);
    }
    if (alerts.length > 0) this.alerts.tell(alerts);
    return changed;
  };

  private async candidates(area: AreaRecord): Promise<number[]> {
    if (area.unitCode !== null) return this.lists.visitingUnits(await this.places.overlapping(area.unitCode), area.from, area.to);
    return this.lists.abroadBetween(area.from, area.to);
  }

  private async rescreen(id: number): Promise<{ changed: boolean; alert?: Alert }> {
    const before = await this.declarations.get(id);
    if (!before) return { changed: false };
    const screening = await this.screening.assess(screeningInputOf(before, await this.declarations.checks(id)));
    const after = { suspected: screening.suspected, arrival: screening.arrivalFromEpidemicArea, reasons: screening.reasons, rule: screening.rule, monitoringUntil: screening.monitoringUntil };
    if (!assessmentChanged(before, after)) return { changed: false };
    const at = this.clock.now().toISOString();
    const alert = await this.transactions.run(async () => {
      await this.declarations.setAssessment(id, after, at);
      await this.declarations.addEvent(id, { at, actorId: null, actorName: null, kind: 'assessment', fromStatus: null, toStatus: null, note: null, nextFollowUp: null });
      await this.audit.record({ actor: SYSTEM_ACTOR, action: 'declaration.rescreen', targetType: 'declaration', targetId: id, detail: { suspected: after.suspected, arrival: after.arrival } });
      const kind = after.suspected && !before.suspected ? 'declaration.suspected' : after.arrival && !before.arrival ? 'declaration.received' : undefined;
      return kind && this.alerts.prepare(kind, id, { suspected: after.suspected, arrival: after.arrival }, await this.declarations.routes(id));
    });
    return { changed: true, ...(alert && { alert }) };
  }
}
