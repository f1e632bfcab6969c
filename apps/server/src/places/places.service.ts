import type { ListUnitsQuery, ListUnitsResponse, Place, SearchPlacesQuery, UnitDetail } from '@bluezone/contract';
import { AppError } from '../errors.js';
import type { Clock } from '../platform/platform.js';
import type { RateLimiter } from '../platform/rate-limiter.js';
import { placeOf, type NationalGazetteer } from './places.model.js';

const DETAIL_TTL_MS = 60_000;

/** What the places domain reads of the installation's own unit tree (the units service provides it). */
export interface LocalUnitTree {
  readonly topCode: string;
  list(query: ListUnitsQuery): Promise<ListUnitsResponse>;
  detail(code: string): Promise<UnitDetail>;
  subtree(root: string): Promise<string[]>;
}

/**
 * Vietnamese places by name or code: the installation's own tree (where a declaration can be routed, at any depth),
 * and every official province and unit of the country (where people have been, where epidemics are).
 */
export class PlacesService {
  private readonly details = new Map<string, { until: number; detail: UnitDetail | undefined }>();

  constructor(
    private readonly tree: LocalUnitTree,
    private readonly country: NationalGazetteer,
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
  ) {}

  /** A public search, limited per client address. */
  async search(query: SearchPlacesQuery, clientAddress: string): Promise<Place[]> {
    if (!(await this.limiter.attempt(clientAddress))) throw new AppError('rate_limited', 'too many place searches from this address; wait a minute');
    const local = await this.searchLocal(query.q, query.limit);
    if (query.scope === 'province') return local;
    // The official units of this province are in both lists: the tree's entry (local) wins.
    const seen = new Set(local.map((p) => p.code));
    return [...local, ...this.country.search(query.q, query.limit).filter((p) => !seen.has(p.code))].slice(0, query.limit);
  }

  /** The place, or undefined when no unit of the tree or of the country has this code. */
  async get(code: string): Promise<Place | undefined> {
    const local = await this.localDetail(code);
    if (local) return placeOf(local, local.path[0] ?? local, true);
    return this.country.get(code);
  }

  /** The place or `not_found`. */
  async require(code: string): Promise<Place> {
    const place = await this.get(code);
    if (!place) throw new AppError('not_found', `no place with code ${code}`);
    return place;
  }

  /** The code and every unit above it, nearest first; undefined for an unknown code. */
  async lineage(code: string): Promise<string[] | undefined> {
    const local = await this.localDetail(code);
    if (local) return [code, ...local.path.map((u) => u.code).reverse()];
    return this.country.lineage(code);
  }

  /** The code, the places inside it (a province's wards, a ward's villages) and those around it (its ancestors). */
  async overlapping(code: string): Promise<string[]> {
    const codes = new Set([code, ...((await this.lineage(code)) ?? []), ...this.country.within(code)]);
    if (await this.localDetail(code)) for (const inside of await this.tree.subtree(code)) codes.add(inside);
    return [...codes];
  }

  /** Whether the code names a unit of the installation's tree other than its top: a ward, a commune or below. */
  async isLocalBelowTop(code: string): Promise<boolean> {
    return code !== this.tree.topCode && (await this.localDetail(code)) !== undefined;
  }

  private async searchLocal(q: string, limit: number): Promise<Place[]> {
    const { units } = await this.tree.list({ q, limit: limit + 1 });
    const top = await this.tree.detail(this.tree.topCode);
    return units
      .filter((u) => u.code !== this.tree.topCode)
      .slice(0, limit)
      .map((u) => placeOf(u, top, true));
  }

  /**
   * The unit of the tree, kept a minute: one declaration names the same few units a dozen times (residence, visits,
   * routes, the health station), and units change rarely (a renamed unit shows its new name within the minute).
   */
  private async localDetail(code: string): Promise<UnitDetail | undefined> {
    const now = this.clock.now().getTime();
    const cached = this.details.get(code);
    if (cached && cached.until > now) return cached.detail;
    let detail: UnitDetail | undefined;
    try {
      detail = await this.tree.detail(code);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'not_found')) throw error;
    }
    // Bounded: a scan of made-up codes cannot grow it for ever.
    if (this.details.size >= 10_000) this.details.clear();
    this.details.set(code, { until: now + DETAIL_TTL_MS, detail });
    return detail;
  }
}
