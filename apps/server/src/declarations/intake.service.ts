import {
  addDays,
  vnDay,
  type FieldError,
  type HealthStation,
  type SubmitDeclarationRequest,
  type SubmitDeclarationResponse,
} from '@bluezone/contract';
import type { Transactions } from '../db/transactions.js';
import { AppError } from '../errors.js';
import type { Platform } from '../platform/platform.js';
import type { RateLimiter } from '../platform/rate-limiter.js';
import type { PlacesService } from '../places/places.service.js';
import type { ScreeningService } from '../screening/screening.service.js';
import { formatReceipt, RECEIPT_VALID_DAYS, receiptFromBytes, referenceDayOf, type NewDeclaration } from './declarations.model.js';
import type { DeclarationAlerts } from './declarations.notify.js';
import { ReceiptTaken, type DeclarationsStore } from './declarations.store.js';
import { newSelfReportKey, selfReportKeyHash } from './self-report.js';
import type { HealthStationsStore } from './health-stations.store.js';

type Places = Pick<PlacesService, 'get' | 'lineage' | 'isLocalBelowTop'>;

/** How far back a visit may start, and how far around today an entry may arrive (declared before or after crossing). */
const VISITS_FROM_DAYS = 30;
const ARRIVAL_BEFORE_DAYS = 14;
const ARRIVAL_AFTER_DAYS = 7;
const MAX_AGE_YEARS = 130;

/**
 * The public side of declarations: a citizen's declaration is checked, screened, stored with its routes and a
 * receipt, and the officials of the routed units are told at once.
 */
export class IntakeService {
  constructor(
    private readonly declarations: Pick<DeclarationsStore, 'insert'>,
    private readonly stations: Pick<HealthStationsStore, 'many'>,
    private readonly places: Places,
    private readonly screening: Pick<ScreeningService, 'assess'>,
    private readonly alerts: Pick<DeclarationAlerts, 'prepare' | 'tell'>,
    private readonly limiter: RateLimiter,
    private readonly topCode: string,
    private readonly platform: Platform,
    private readonly transactions: Transactions,
  ) {}

  async submit(request: SubmitDeclarationRequest, clientAddress: string): Promise<SubmitDeclarationResponse> {
    if (!(await this.limiter.attempt(clientAddress))) throw new AppError('rate_limited', 'too many declarations from this address; wait a few minutes');
    const now = this.platform.clock.now();
    await this.check(request, vnDay(now));
    const declaredDay = vnDay(now);
    const visits = request.visits.map((v) => ({ unitCode: v.unitCode ?? null, place: v.place ?? null, from: v.from, to: v.to }));
    const entry = request.entry
      ? {
          borderGate: request.entry.borderGate,
          transport: request.entry.transport,
          transportNumber: request.entry.transportNumber ?? null,
          departurePlace: request.entry.departurePlace,
          arrivalDate: request.entry.arrivalDate,
          destination: request.entry.destination ?? null,
        }
      : null;
    const screening = await this.screening.assess({
      referenceDay: referenceDayOf({ declaredDay, entry }),
      symptoms: request.symptoms,
      checkSymptoms: [],
      contacts: request.contacts,
      warnedByApp: request.warnedByApp ?? null,
      visits,
      departure: entry ? { place: entry.departurePlace, day: entry.arrivalDate } : null,
    });
    // Every declaration gets a key, not only the monitored ones: a later epidemic area can make an arrival of any.
    const selfReportKey = newSelfReportKey(this.platform.random);
    const routes = [request.residence.unitCode, ...(entry?.destination && entry.destination.unitCode !== request.residence.unitCode ? [entry.destination.unitCode] : [])];
    const declaration: Omit<NewDeclaration, 'receipt'> = {
      kind: request.kind,
      fullName: request.fullName,
      yearOfBirth: request.yearOfBirth,
      gender: request.gender,
      nationality: request.nationality ?? null,
      idNumber: request.idNumber ?? null,
      phone: request.phone,
      email: request.email ?? null,
      residenceUnitCode: request.residence.unitCode,
      residenceAddress: request.residence.address,
      declaredBy: request.declaredBy ?? null,
      symptoms: request.symptoms,
      otherSymptom: request.otherSymptom ?? null,
      contacts: request.contacts,
      chronicConditions: request.chronicConditions ?? null,
      warnedByApp: request.warnedByApp ?? null,
      entry,
      suspected: screening.suspected,
      arrival: screening.arrivalFromEpidemicArea,
      reasons: screening.reasons,
      rule: screening.rule,
      monitoringUntil: screening.monitoringUntil,
      status: 'new',
      nextFollowUp: null,
      declaredAt: now.toISOString(),
      declaredDay,
      receiptExpiresAt: new Date(now.getTime() + RECEIPT_VALID_DAYS * 86_400_000).toISOString(),
      selfReportKeyHash: selfReportKeyHash(selfReportKey),
      visits,
    };
    const receipt = await this.store(declaration, routes, screening);
    return {
      receipt: formatReceipt(receipt),
      receiptExpiresAt: declaration.receiptExpiresAt,
      selfReportKey,
      assessment: { suspected: screening.suspected, arrivalFromEpidemicArea: screening.arrivalFromEpidemicArea, reasons: screening.reasons, monitoringUntil: screening.monitoringUntil },
      routedTo: routes,
      nextSteps: screening.nextSteps,
      healthStation: await this.healthStationFor(request.residence.unitCode),
    };
  }

  /** Stores the declaration and its notifications in one transaction, drawing another receipt on the rare clash. */
  private async store(declaration: Omit<NewDeclaration, 'receipt'>, routes: string[], flags: { suspected: boolean; arrivalFromEpidemicArea: boolean }): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const receipt = receiptFromBytes(this.platform.random.bytes(5));
      try {
        const alert = await this.transactions.run(async () => {
          const id = await this.declarations.insert({ ...declaration, receipt }, routes);
          return this.alerts.prepare('declaration.received', id, { suspected: flags.suspected, arrival: flags.arrivalFromEpidemicArea }, routes);
        });
        this.alerts.tell([alert]);
        return receipt;
      } catch (error) {
        if (!(error instanceof ReceiptTaken) || attempt >= 4) throw error;
      }
    }
  }

  /** What the schema cannot know: today, and which units exist. Every problem is reported at once; nothing is written. */
  private async check(request: SubmitDeclarationRequest, today: string): Promise<void> {
    const invalid: FieldError[] = [];
    const unknown: FieldError[] = [];
    const year = Number(today.slice(0, 4));
    if (request.yearOfBirth > year) invalid.push({ field: 'yearOfBirth', problem: 'too_big', limit: year });
    if (request.yearOfBirth < year - MAX_AGE_YEARS) invalid.push({ field: 'yearOfBirth', problem: 'too_small', limit: year - MAX_AGE_YEARS });
    if (!(await this.places.isLocalBelowTop(request.residence.unitCode))) unknown.push({ field: 'residence.unitCode', problem: 'not_found' });
    for (const [i, visit] of request.visits.entries()) {
      if (visit.to > today) invalid.push({ field: `visits.${i}.to`, problem: 'too_big' });
      if (visit.from < addDays(today, -VISITS_FROM_DAYS)) invalid.push({ field: `visits.${i}.from`, problem: 'too_small' });
      if (visit.unitCode !== undefined && !(await this.places.get(visit.unitCode))) unknown.push({ field: `visits.${i}.unitCode`, problem: 'not_found' });
    }
    if (request.entry) {
      const { arrivalDate, destination } = request.entry;
      if (arrivalDate < addDays(today, -ARRIVAL_BEFORE_DAYS)) invalid.push({ field: 'entry.arrivalDate', problem: 'too_small' });
      if (arrivalDate > addDays(today, ARRIVAL_AFTER_DAYS)) invalid.push({ field: 'entry.arrivalDate', problem: 'too_big' });
      if (destination && !(await this.places.isLocalBelowTop(destination.unitCode))) unknown.push({ field: 'entry.destination.unitCode', problem: 'not_found' });
    }
    if (invalid.length > 0) throw new AppError('validation_failed', `invalid declaration: ${[...invalid, ...unknown].map((f) => `${f.field} ${f.problem}`).join(', ')}`, [...invalid, ...unknown]);
    if (unknown.length > 0) throw new AppError('unknown_unit', `unknown units: ${unknown.map((f) => f.field).join(', ')}`, unknown);
  }

  /** The nearest health station with a telephone, from the residence up (not the province's), or the residence's own. */
  async healthStationFor(residence: string): Promise<HealthStation> {
    const lineage = ((await this.places.lineage(residence)) ?? [residence]).filter((code) => code !== this.topCode);
    const withPhone = (await this.stations.many(lineage)).find((s) => s.phone !== null);
    const code = withPhone?.unitCode ?? residence;
    const place = await this.places.get(code);
    return { unitCode: code, unitName: place?.fullName ?? code, unitNameEn: place?.fullNameEn ?? code, phone: withPhone?.phone ?? null };
  }
}
