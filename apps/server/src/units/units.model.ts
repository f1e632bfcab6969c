import { searchText } from '../platform/search-text.js';

/** A node of the administrative tree as stored: official units are seeded, deeper ones may be added by admins. */
export interface Unit {
  code: string;
  parentCode: string | null;
  level: string;
  name: string;
  fullName: string;
  nameEn: string;
  fullNameEn: string;
}

/** What the search column holds for a unit: every name it is known by. */
export function unitSearchText(unit: Pick<Unit, 'name' | 'fullName' | 'nameEn' | 'fullNameEn'>): string {
  return searchText([unit.name, unit.fullName, unit.nameEn, unit.fullNameEn].join(' | '));
}
