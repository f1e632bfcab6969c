import type { Place } from '@bluezone/contract';
import { describe, expect, it } from 'vitest';
import { emptyDraft, misorderedVisits, missingChoices, toRequest, type DeclarationDraft } from './declaration-draft.js';

const DONG_DANG: Place = { code: '06184', name: 'Đồng Đăng', fullName: 'Xã Đồng Đăng', nameEn: 'Dong Dang', fullNameEn: 'Dong Dang Commune', level: 'commune', provinceCode: '20', provinceName: 'Lạng Sơn', provinceNameEn: 'Lang Son', local: true };
const DA_NANG: Place = { ...DONG_DANG, code: '48', fullName: 'Thành phố Đà Nẵng', level: 'province', provinceCode: '48', local: false };

function filled(overrides: Partial<DeclarationDraft> = {}): DeclarationDraft {
  return {
    ...emptyDraft('domestic', { residence: DONG_DANG }),
    fullName: ' Nguyễn Văn An ',
    yearOfBirth: '1985',
    gender: 'male',
    phone: '0912 345 678',
    address: 'Thôn Pò Đeng',
    contactCase: 'no',
    contactArrival: 'yes',
    contactFever: 'no',
    consent: true,
    ...overrides,
  };
}

describe('a declaration draft', () => {
  it('becomes the request the API documents: days as YYYY-MM-DD, empty optional fields left out', () => {
    const request = toRequest(
      filled({
        visits: [
          { key: 1, where: 'vietnam', place: DA_NANG, text: '', from: '20/11/2026', to: '22/11/2026' },
          { key: 2, where: 'abroad', place: null, text: ' Nam Ninh ', from: '1/11/2026', to: '2/11/2026' },
        ],
        symptoms: ['fever', 'other'],
        otherSymptom: 'đau đầu',
        warnedByApp: 'unknown',
        idNumber: '  ',
      }),
    );
    expect(request).toEqual({
      kind: 'domestic',
      fullName: 'Nguyễn Văn An',
      yearOfBirth: 1985,
      gender: 'male',
      nationality: 'Việt Nam',
      phone: '0912 345 678',
      residence: { unitCode: '06184', address: 'Thôn Pò Đeng' },
      visits: [
        { unitCode: '48', from: '2026-11-20', to: '2026-11-22' },
        { place: 'Nam Ninh', from: '2026-11-01', to: '2026-11-02' },
      ],
      symptoms: ['fever', 'other'],
      otherSymptom: 'đau đầu',
      contacts: { confirmedOrSuspectedCase: false, fromEpidemicArea: true, feverOrCough: false },
      consent: true,
    });
  });

  it('carries the entry details and the person who declares for a family member', () => {
    const request = toRequest(
      filled({ kind: 'entry', onBehalf: true, byName: 'Bố', byPhone: '0913', relationship: 'bố', borderGate: 'Hữu Nghị', transport: 'road', departurePlace: 'Nam Ninh', arrivalDate: '23/11/2026', destinationElsewhere: true, destination: DONG_DANG, destinationAddress: 'Khu cách ly', warnedByApp: 'no' }),
    );
    expect(request.entry).toEqual({ borderGate: 'Hữu Nghị', transport: 'road', departurePlace: 'Nam Ninh', arrivalDate: '2026-11-23', destination: { unitCode: '06184', address: 'Khu cách ly' } });
    expect(request.declaredBy).toEqual({ fullName: 'Bố', phone: '0913', relationship: 'bố' });
    expect(request.warnedByApp).toBe(false);
  });

  it('names the choices still to make and the visits whose days run backwards', () => {
    expect(missingChoices(filled())).toEqual([]);
    const draft = filled({ gender: '', residence: null, contactFever: '', consent: false, symptoms: ['other'], visits: [{ key: 1, where: 'vietnam', place: null, text: '', from: '22/11/2026', to: '20/11/2026' }] });
    expect(missingChoices(draft)).toEqual(['gender', 'residence.unitCode', 'visits.0.unitCode', 'otherSymptom', 'contacts.feverOrCough', 'consent']);
    expect(misorderedVisits(draft)).toEqual(['visits.0.to']);
  });
});
