import type { Place } from '@bluezone/contract';
import { searchText, searchWords } from '../platform/search-text.js';

export type { Place };

/** A unit as the places domain reads it: the units domain's shape, with its parent. */
export interface PlaceUnit {
  code: string;
  parentCode: string | null;
  level: string;
  name: string;
  fullName: string;
  nameEn: string;
  fullNameEn: string;
}

interface Indexed {
  place: Place;
  text: string;
  name: string;
}

/**
 * The official places of the whole country, in memory: 34 provinces and 3,321 wards, communes and special zones,
 * each with its province. Searched by every word, with or without diacritics, as the units domain searches its tree.
 */
export class NationalGazetteer {
  private readonly byCode = new Map<string, Indexed>();

  constructor(units: readonly PlaceUnit[]) {
    const provinces = new Map(units.filter((u) => u.parentCode === null).map((u) => [u.code, u]));
    for (const unit of units) {
      const province = unit.parentCode === null ? unit : provinces.get(unit.parentCode);
      if (!province) continue;
      this.byCode.set(unit.code, {
        place: placeOf(unit, province, false),
        text: searchText([unit.name, unit.fullName, unit.nameEn, unit.fullNameEn, province.name].join(' | ')),
        name: searchText(unit.name),
      });
    }
  }

  get(code: string): Place | undefined {
    return this.byCode.get(code)?.place;
  }

  /** The code and its province: the official tree has two levels. */
  lineage(code: string): string[] | undefined {
    const place = this.get(code);
    if (!place) return undefined;
    return place.provinceCode === code ? [code] : [code, place.provinceCode];
  }

  /** The code and, for a province, every official unit in it. */
  within(code: string): string[] {
    const place = this.get(code);
    if (!place) return [];
    if (place.level !== 'province') return [code];
    return [...this.byCode.values()].filter((e) => e.place.provinceCode === code).map((e) => e.place.code);
  }

  /** Places whose names hold every word of `query` (or whose code starts with it), best matches first. */
  search(query: string, limit: number): Place[] {
    const words = searchWords(query);
    const code = /^[0-9]{2,5}$/.test(query.trim()) ? query.trim() : undefined;
    if (words.length === 0 && code === undefined) return [];
    const whole = words.join(' ');
    const found: { entry: Indexed; rank: number }[] = [];
    for (const entry of this.byCode.values()) {
      const byCode = code !== undefined && entry.place.code.startsWith(code);
      if (!byCode && !words.every((w) => entry.text.includes(w))) continue;
      found.push({ entry, rank: rankOf(entry, whole) });
    }
    found.sort((a, b) => a.rank - b.rank || a.entry.place.code.localeCompare(b.entry.place.code));
    return found.slice(0, limit).map((f) => f.entry.place);
  }
}

/** Names equal to the query first, then names starting with it; provinces before the units in them. */
function rankOf(entry: Indexed, whole: string): number {
  const nameRank = entry.name === whole ? 0 : entry.name.startsWith(whole) ? 1 : 2;
  return nameRank * 2 + (entry.place.level === 'province' ? 0 : 1);
}

export function placeOf(unit: PlaceUnit, province: Pick<PlaceUnit, 'code' | 'name' | 'nameEn'>, local: boolean): Place {
  return {
    code: unit.code,
    name: unit.name,
    fullName: unit.fullName,
    nameEn: unit.nameEn,
    fullNameEn: unit.fullNameEn,
    level: unit.level,
    provinceCode: province.code,
    provinceName: province.name,
    provinceNameEn: province.nameEn,
    local,
  };
}
