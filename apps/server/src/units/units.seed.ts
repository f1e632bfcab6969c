import officialList from './data/vn-units.json' with { type: 'json' };
import type { Unit } from './units.model.js';

type ProvinceRow = [string, string, string, string, string, UnitRow[]];
type UnitRow = [string, string, string, string, string, string];

const provinces = (officialList as unknown as { provinces: ProvinceRow[] }).provinces;

export const OFFICIAL_PROVINCE_CODES: readonly string[] = provinces.map((p) => p[0]);

/**
 * The official units of one province: the province first (the top of this installation's tree), then its wards,
 * communes and special zones in official code order. The whole country ships so any province can run the server;
 * only the configured province is seeded, so lists and searches never wander outside it.
 */
export function officialProvinceUnits(provinceCode: string): Unit[] {
  const province = provinces.find((p) => p[0] === provinceCode);
  if (!province) throw new Error(`unknown province code: ${provinceCode}`);
  const [code, name, nameEn, fullName, fullNameEn, children] = province;
  return [
    { code, parentCode: null, level: 'province', name, nameEn, fullName, fullNameEn },
    ...children.map(([c, n, ne, fn, fne, level]) => ({
      code: c,
      parentCode: code,
      level,
      name: n,
      nameEn: ne,
      fullName: fn,
      fullNameEn: fne,
    })),
  ];
}

export function officialCountryCounts(): { provinces: number; units: number } {
  return { provinces: provinces.length, units: provinces.reduce((sum, p) => sum + p[5].length, 0) };
}

/**
 * Every official province and its wards, communes and special zones, the whole country: the places a citizen may name
 * as visited and a health officer as an epidemic area, though only the configured province is seeded as the tree.
 */
export function officialCountryUnits(): Unit[] {
  return provinces.flatMap(([code, name, nameEn, fullName, fullNameEn, children]) => [
    { code, parentCode: null, level: 'province', name, nameEn, fullName, fullNameEn },
    ...children.map(([c, n, ne, fn, fne, level]) => ({ code: c, parentCode: code, level, name: n, nameEn: ne, fullName: fn, fullNameEn: fne })),
  ]);
}
