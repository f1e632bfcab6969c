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

/**
 * The diacritic-free, lower-case form used for search, so "lang son", "Lạng Sơn" and "LANG SON" meet. Done in the
 * application rather than in SQL because neither SQLite nor PostgreSQL (without the unaccent extension) strips
 * Vietnamese marks. NFD splits letters from combining marks; đ/Đ has no decomposition, so it is mapped by hand.
 */
export function searchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** What the search column holds for a unit: every name it is known by. */
export function unitSearchText(unit: Pick<Unit, 'name' | 'fullName' | 'nameEn' | 'fullNameEn'>): string {
  return searchText([unit.name, unit.fullName, unit.nameEn, unit.fullNameEn].join(' | '));
}
