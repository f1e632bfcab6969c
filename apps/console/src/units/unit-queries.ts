import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api-context.js';
import type { Unit, UnitDetail } from '../api/types.js';

/** Searches start at two characters: one letter matches most of the province and says little. */
export const MIN_SEARCH_LENGTH = 2;

export function useChildUnits(parent: string | undefined, enabled = true) {
  const api = useApi();
  return useQuery({ queryKey: ['units', 'children', parent ?? ''], queryFn: () => api.childUnits(parent), enabled });
}

export function useUnitSearch(q: string) {
  const api = useApi();
  const text = q.trim();
  return useQuery({
    queryKey: ['units', 'search', text],
    queryFn: () => api.searchUnits(text),
    enabled: text.length >= MIN_SEARCH_LENGTH,
  });
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

/** The ancestors of a unit, top first, whatever form the server gives them in (codes or unit objects). */
export function ancestorsOf(unit: UnitDetail): UnitRef[] {
  const path = Array.isArray(unit.path) ? unit.path : [];
  const refs = path.map((entry) =>
    typeof entry === 'string' ? { code: entry, name: entry } : { code: entry.code, name: entry.fullName ?? entry.name },
  );
  return refs.filter((ref) => ref.code !== unit.code);
}

export function unitLabel(unit: Pick<Unit, 'name' | 'fullName'>): string {
  return unit.fullName || unit.name;
}
