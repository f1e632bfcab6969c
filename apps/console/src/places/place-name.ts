import type { Place } from '@bluezone/contract';

/** A place as its reader names it: "Xã Đồng Đăng, Lạng Sơn" / "Dong Dang Commune, Lang Son"; a province alone. */
export function placeName(place: Place, language: string): string {
  const english = language === 'en';
  const name = english ? place.fullNameEn : place.fullName;
  if (place.code === place.provinceCode) return name;
  return `${name}, ${english ? place.provinceNameEn : place.provinceName}`;
}
