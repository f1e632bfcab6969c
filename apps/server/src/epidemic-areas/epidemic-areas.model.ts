import type { EpidemicArea } from '@bluezone/contract';
import { searchText, searchWords } from '../platform/search-text.js';

export type { EpidemicArea };

/** An area as stored, with the search form of its place abroad. */
export interface AreaRecord {
  id: number;
  name: string;
  unitCode: string | null;
  place: string | null;
  placeSearch: string | null;
  from: string;
  /** Null while the area lasts. */
  to: string | null;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewArea {
  name: string;
  unitCode: string | null;
  place: string | null;
  from: string;
  to: string | null;
  reason: string | null;
}

/** Whether two spans of days share at least one day; an open end (null) lasts for ever. */
export function daysOverlap(aFrom: string, aTo: string | null, bFrom: string, bTo: string | null): boolean {
  return (bTo === null || aFrom <= bTo) && (aTo === null || bFrom <= aTo);
}

/** The stored search form of a place abroad: diacritic-free, lower case, words only. */
export function placeSearchText(place: string): string {
  return searchWords(place.replace(/[^\p{L}\p{N}]+/gu, ' ')).join(' ');
}

/**
 * Whether a place abroad a declarant names and an area named abroad overlap: the words of one appear, in order and as
 * whole words, in the other ("Quảng Tây" in "Nam Ninh, Quảng Tây, Trung Quốc", and "Trung Quốc" in "Quảng Tây, Trung
 * Quốc"). Free text never matches for sure; this errs on the side of screening, as units do (see `unitsOverlap`).
 */
export function placeMatches(areaSearch: string, visitSearch: string): boolean {
  const contains = (outer: string, inner: string) => inner.length > 0 && ` ${outer} `.includes(` ${inner} `);
  return contains(visitSearch, areaSearch) || contains(areaSearch, visitSearch);
}

/**
 * Whether a visited unit and an area's unit overlap: one lies in the other. A visit to a ward of an epidemic province
 * matches, and so does a visit to "Đà Nẵng" when only some of its wards are epidemic areas: the declarant cannot be
 * placed more precisely, and screening errs on the side of asking.
 */
export function unitsOverlap(visitLineage: readonly string[], areaLineage: readonly string[]): boolean {
  const visit = visitLineage[0];
  const area = areaLineage[0];
  return visit !== undefined && area !== undefined && (visitLineage.includes(area) || areaLineage.includes(visit));
}

export { searchText };
