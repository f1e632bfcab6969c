import { addDays, vnDay, type DeclarationStatsQuery, type DeclarationStatsResponse, type User } from '@bluezone/contract';
import { AppError } from '../errors.js';
import type { Clock } from '../platform/platform.js';
import type { DeclarationListsStore } from './declaration-lists.store.js';
import type { PlaceNames } from './declarations.view.js';

/** The default span of the counts: the last 14 Vietnamese days, today included (an arrival's monitoring). */
const DEFAULT_DAYS = 14;
const MAX_DAYS = 366;

type Counts = { declarations: number; suspected: number; arrivals: number };
const zero = (): Counts => ({ declarations: 0, suspected: 0, arrivals: 0 });
const add = (into: Counts, c: Counts) => {
  into.declarations += c.declarations;
  into.suspected += c.suspected;
  into.arrivals += c.arrivals;
};

/** Counts for health officers: per day over their subtree, and per unit right below it (the province map's wards). */
export class DeclarationStats {
  constructor(
    private readonly lists: Pick<DeclarationListsStore, 'countsByUnitAndDay' | 'countsByDay' | 'subtreeParents'>,
    private readonly places: PlaceNames,
    private readonly clock: Clock,
  ) {}

  async counts(viewer: User, query: DeclarationStatsQuery): Promise<DeclarationStatsResponse> {
    const unit = query.unit ?? viewer.unitCode;
    const to = query.to ?? vnDay(this.clock.now());
    const from = query.from ?? addDays(to, -(DEFAULT_DAYS - 1));
    if (from > to) throw new AppError('validation_failed', 'from comes after to', [{ field: 'from', problem: 'invalid_value' }]);
    if (from < addDays(to, -(MAX_DAYS - 1))) throw new AppError('validation_failed', `at most ${MAX_DAYS} days at once`, [{ field: 'from', problem: 'too_small' }]);

    const [byUnitDay, byDay, parents] = await Promise.all([this.lists.countsByUnitAndDay(unit, from, to), this.lists.countsByDay(unit, from, to), this.lists.subtreeParents(unit)]);
    if (parents.length === 0) throw new AppError('unknown_unit', `no unit with code ${unit}`, [{ field: 'unit', problem: 'not_found' }]);

    // Each unit of the subtree counts for the unit right below the root on its way up (the root counts for itself).
    const parentOf = new Map(parents.map((p) => [p.code, p.parentCode]));
    const children = parents.filter((p) => p.parentCode === unit).map((p) => p.code).sort();
    const childOf = (code: string): string => {
      let current = code;
      for (let depth = 0; depth < 64; depth++) {
        const parent = parentOf.get(current);
        if (current === unit || parent === unit || parent === undefined || parent === null) return current;
        current = parent;
      }
      return current;
    };
    const perUnit = new Map<string, Counts>(children.map((c) => [c, zero()]));
    for (const row of byUnitDay) {
      const child = childOf(row.unitCode);
      if (!perUnit.has(child)) perUnit.set(child, zero());
      add(perUnit.get(child)!, row);
    }
    const perDay = new Map(byDay.map((d) => [d.day, d]));
    const days = [];
    const total = zero();
    for (let day = from; day <= to; day = addDays(day, 1)) {
      const c = perDay.get(day) ?? zero();
      days.push({ date: day, declarations: c.declarations, suspected: c.suspected, arrivals: c.arrivals });
      add(total, c);
    }
    const units = await Promise.all(
      [...perUnit.entries()].map(async ([code, c]) => {
        const place = await this.places(code);
        return { unitCode: code, unitName: place?.fullName ?? code, unitNameEn: place?.fullNameEn ?? code, ...c };
      }),
    );
    return { unit, from, to, days, units, total };
  }
}
