import { emptyDraft, type DeclarationDraft } from '../declaration/declaration-draft';
import { DONG_DANG } from './fake-server';

/** A domestic declaration with every required answer given: a woman in Đồng Đăng, warned by the app. */
export function filledDraft(changes: Partial<DeclarationDraft> = {}): DeclarationDraft {
  return {
    ...emptyDraft('domestic', { warnedByApp: true }),
    fullName: ' Nông Thị Lan ',
    yearOfBirth: '1990',
    gender: 'female',
    phone: '0912 345 678',
    residence: DONG_DANG,
    address: 'Thôn Pò Mã',
    contactCase: 'no',
    contactArrival: 'no',
    contactFever: 'yes',
    consent: true,
    ...changes,
  };
}
