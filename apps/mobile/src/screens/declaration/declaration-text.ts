import type { Place } from '@bluezone/contract';
import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../declaration/declaration-draft';

/** Paths whose value is picked, not typed: "choose one" reads better there than "required". */
const CHOICE = /^(gender|residence\.unitCode|contacts\..+|entry\.transport|entry\.destination\.unitCode|visits\.\d+\.unitCode)$/;
const DAY = /(^visits\.\d+\.(from|to)$)|(^entry\.arrivalDate$)/;

/** The sentence for a field's problem, in the app's language (the server's English message is never shown). */
export function issueText(t: TFunction, path: string, issue: FieldIssue): string {
  const last = path.split('.').pop() ?? path;
  if (issue.problem === 'required' && CHOICE.test(path)) return t('declaration.problem.requiredChoice');
  if (issue.problem === 'invalid_format') {
    if (DAY.test(path)) return t('declaration.format.day');
    if (['phone', 'yearOfBirth', 'idNumber', 'email'].includes(last)) return t(`declaration.format.${last}`);
  }
  // The server bounds days by today and by how far back a visit counts, without a number to quote.
  if (DAY.test(path) && issue.limit === undefined && (issue.problem === 'too_big' || issue.problem === 'too_small')) {
    return t(issue.problem === 'too_big' ? 'declaration.problem.dayTooLate' : 'declaration.problem.dayTooEarly');
  }
  return t(`declaration.problem.${issue.problem}`, { limit: issue.limit });
}

/** A place as its reader names it: "Xã Đồng Đăng, Lạng Sơn" / "Dong Dang Commune, Lang Son"; a province alone. */
export function placeName(place: Place, language: string): string {
  const english = language === 'en';
  const name = english ? place.fullNameEn : place.fullName;
  if (place.code === place.provinceCode) return name;
  return `${name}, ${english ? place.provinceNameEn : place.provinceName}`;
}
