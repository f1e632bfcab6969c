import type { SubmitDeclarationRequest } from '@bluezone/contract';
import type { Db } from '../db/database.js';
import { receiptFromBytes, type NewDeclaration } from '../declarations/declarations.model.js';
import { DeclarationsStore } from '../declarations/declarations.store.js';

/** A domestic declaration as the public form sends it: a resident of Đồng Đăng (06184) with no symptom and no visit. */
export function declarationRequest(overrides: Partial<SubmitDeclarationRequest> = {}): SubmitDeclarationRequest {
  return {
    kind: 'domestic',
    fullName: 'Nguyễn Văn An',
    yearOfBirth: 1985,
    gender: 'male',
    phone: '0912 345 678',
    residence: { unitCode: '06184', address: 'Thôn Pò Đeng' },
    visits: [],
    symptoms: [],
    contacts: { confirmedOrSuspectedCase: false, fromEpidemicArea: false, feverOrCough: false },
    consent: true,
    ...overrides,
  };
}

let receipts = 0;

/** Receipts drawn from a counter, distinct within a test run. */
export function nextReceipt(): string {
  receipts++;
  return receiptFromBytes(Buffer.from([0x5a, (receipts >> 16) & 0xff, (receipts >> 8) & 0xff, receipts & 0xff, 0x33]));
}

/** A stored declaration, written straight through the store: for scopes the public form cannot make (a province route). */
export function storedDeclaration(overrides: Partial<NewDeclaration> = {}): NewDeclaration {
  return {
    receipt: nextReceipt(),
    kind: 'domestic',
    fullName: 'Trần Thị Bình',
    yearOfBirth: 1990,
    gender: 'female',
    nationality: null,
    idNumber: null,
    phone: '0987 654 321',
    email: null,
    residenceUnitCode: '06184',
    residenceAddress: 'Khối 1',
    declaredBy: null,
    symptoms: [],
    otherSymptom: null,
    contacts: { confirmedOrSuspectedCase: false, fromEpidemicArea: false, feverOrCough: false },
    chronicConditions: null,
    warnedByApp: null,
    entry: null,
    suspected: false,
    arrival: false,
    reasons: [],
    rule: 'moh-3468-2020',
    monitoringUntil: null,
    status: 'new',
    nextFollowUp: null,
    declaredAt: '2026-11-23T08:00:00.000Z',
    declaredDay: '2026-11-23',
    receiptExpiresAt: '2026-12-07T08:00:00.000Z',
    selfReportKeyHash: null,
    visits: [],
    ...overrides,
  };
}

export function insertDeclaration(db: Db, routes: string[], overrides: Partial<NewDeclaration> = {}): Promise<number> {
  return new DeclarationsStore(db).insert(storedDeclaration({ residenceUnitCode: routes[0]!, ...overrides }), routes);
}
