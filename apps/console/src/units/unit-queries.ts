import { useQuery } from '@tanstack/react-query';
import i18next from 'i18next';
import { useApi } from '../api/api-context.js';
import type { Unit, UnitDetail } from '../api/types.js';
import { usePagedQuery } from '../components/paged.js';

/** Searches start at two characters: one letter matches most of the province and says little. */
export const MIN_SEARCH_LENGTH = 2;

/** The units right below a unit (the viewer's own unit when `parent` is undefined), a page at a time. */
export function useChildUnits(parent: string | undefined, enabled = true) {
  const api = useApi();
  return usePagedQuery(['units', 'children', parent ?? ''], (cursor) => api.childUnits(parent, cursor), enabled);
}

/** Units whose name (with or without diacritics) or code matches, a page at a time. */
export function useUnitSearch(q: string) {
  const api = useApi();
  const text = q.trim();
  return usePagedQuery(['units', 'search', text], (cursor) => api.searchUnits(text, cursor), text.length >= MIN_SEARCH_LENGTH);
}

export function useUnit(code: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['units', 'detail', code ?? ''],
    queryFn: () => api.unit(code ?? ''),
    enabled: Boolean(code),
  });
}

export interface UnitRef {
  code: string;
  name: string;
}

/** The ancestors of a unit, top first (the contract's `path` runs from the top of the tree down to the parent). */
export function ancestorsOf(unit: UnitDetail): UnitRef[] {
  return unit.path.filter((entry) => entry.code !== unit.code).map((entry) => ({ code: entry.code, name: unitLabel(entry) }));
}

/**
 * A unit's full name in the console's language: English names come from the official list ("Dong Kinh Ward"); units
 * added by hand may lack them, and then the Vietnamese name stands. Components that call this re-render on a language
 * switch through useTranslation, so reading the current language here is enough.
 */
export function unitLabel(
  unit: Pick<Unit, 'name' | 'fullName' | 'nameEn' | 'fullNameEn'>,
  language: string = i18next.language,
): string {
  if (language === 'en') return unit.fullNameEn || unit.nameEn || unit.fullName || unit.name;
  return unit.fullName || unit.name;
}
