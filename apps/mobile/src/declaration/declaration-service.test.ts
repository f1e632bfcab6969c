import { filledDraft } from '../test-support/declarations';
import { DONG_DANG, error } from '../test-support/fake-server';
import { T0, testPhone } from '../test-support/test-platform';
import { parseTypedDay } from '@bluezone/contract';
import { checkDraft, emptyDraft, toRequest } from './declaration-draft';
import { DeclarationError } from './declaration-service';

const filled = filledDraft;

async function failureOf(promise: Promise<unknown>): Promise<DeclarationError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof DeclarationError) return e;
    throw e;
  }
  throw new Error('expected a DeclarationError');
}

describe('the health declaration on the phone', () => {
  it('builds the request of the contract: trimmed text, days as YYYY-MM-DD, optional fields left out, warnedByApp as ticked', () => {
    const draft = filled({
      symptoms: ['other', 'fever'],
      otherSymptom: 'Đau đầu',
      visits: [{ key: 1, where: 'abroad', place: null, text: 'Nam Ninh, Trung Quốc', from: '3/11/2023', to: '05.11.2023' }],
      email: '',
      nationality: 'Việt Nam',
    });
    expect(toRequest(draft)).toEqual({
      kind: 'domestic',
      fullName: 'Nông Thị Lan',
      yearOfBirth: 1990,
      gender: 'female',
      nationality: 'Việt Nam',
      phone: '0912 345 678',
      residence: { unitCode: '06184', address: 'Thôn Pò Mã' },
      visits: [{ place: 'Nam Ninh, Trung Quốc', from: '2023-11-03', to: '2023-11-05' }],
      symptoms: ['other', 'fever'],
      otherSymptom: 'Đau đầu',
      contacts: { confirmedOrSuspectedCase: false, fromEpidemicArea: false, feverOrCough: true },
      warnedByApp: true,
      consent: true,
    });
    expect(checkDraft(draft, '2023-11-14')).toEqual({});
    expect(toRequest(filled({ warnedByApp: 'unknown' }))).not.toHaveProperty('warnedByApp');
    expect(parseTypedDay('31/02/2023')).toBeNull();
    // Day first only: year-first text is refused, not guessed at.
    expect(parseTypedDay('2023-11-14')).toBeNull();
  });

  it('builds the entry variant with its border details, and names what an entry lacks', () => {
    const entry = filled({ kind: 'entry', borderGate: 'Cửa khẩu quốc tế Hữu Nghị', transport: 'road', departurePlace: 'Nam Ninh, Trung Quốc', arrivalDate: '13/11/2023' });
    expect(toRequest(entry).entry).toEqual({ borderGate: 'Cửa khẩu quốc tế Hữu Nghị', transport: 'road', departurePlace: 'Nam Ninh, Trung Quốc', arrivalDate: '2023-11-13' });
    expect(checkDraft(entry, '2023-11-14')).toEqual({});
    expect(checkDraft(filled({ kind: 'entry', destinationElsewhere: true }), '2023-11-14')).toMatchObject({
      'entry.borderGate': { problem: 'required' },
      'entry.transport': { problem: 'required' },
      'entry.arrivalDate': { problem: 'required' },
      'entry.destination.unitCode': { problem: 'required' },
    });
    // A domestic declaration never carries entry details typed before switching back.
    expect(toRequest({ ...entry, kind: 'domestic' })).not.toHaveProperty('entry');
  });

  it('checks a draft with the contract before anything is sent, naming each field', async () => {
    const phone = await testPhone();
    const issues = checkDraft(
      {
        ...emptyDraft(),
        phone: 'abc',
        yearOfBirth: '2031',
        email: 'not-mail',
        visits: [
          { key: 1, where: 'vietnam', place: DONG_DANG, text: '', from: '10/11/2023', to: '9/11/2023' },
          { key: 2, where: 'abroad', place: null, text: 'Nam Ninh', from: '40/11/2023', to: '' },
        ],
      },
      '2023-11-14',
    );
    expect(issues).toMatchObject({
      fullName: { problem: 'required' },
      yearOfBirth: { problem: 'too_big', limit: 2023 },
      gender: { problem: 'required' },
      phone: { problem: 'too_short', limit: 6 },
      email: { problem: 'invalid_format' },
      'residence.unitCode': { problem: 'required' },
      'residence.address': { problem: 'required' },
      'visits.0.to': { problem: 'day_order' },
      'visits.1.from': { problem: 'invalid_format' },
      'visits.1.to': { problem: 'required' },
      'contacts.confirmedOrSuspectedCase': { problem: 'required' },
      consent: { problem: 'consent' },
    });
    const failure = await failureOf(phone.services.declarations.submit(emptyDraft()));
    expect(failure.code).toBe('invalid');
    expect(phone.server.uploads()).toEqual([]);
    expect(checkDraft(filled({ yearOfBirth: '' }), '2023-11-14')).toEqual({ yearOfBirth: { problem: 'required' } });
  });

  it('posts to the declarations API, keeps the receipt, forgets the draft, and deletes a receipt on request', async () => {
    const phone = await testPhone();
    const { declarations } = phone.services;
    await declarations.saveDraft(filled());
    const stored = await declarations.submit(filled());
    expect(stored).toMatchObject({ receipt: 'ABCD-2222', kind: 'domestic', fullName: 'Nông Thị Lan', declaredAt: T0 });
    const [sent] = phone.server.uploads();
    expect(sent?.url).toBe('https://bluezone.test/api/v1/declarations');
    // Only what was typed: no padding, no keys, no identifiers of the phone.
    expect(Object.keys(sent?.body as object).sort()).toEqual(['consent', 'contacts', 'fullName', 'gender', 'kind', 'nationality', 'phone', 'residence', 'symptoms', 'visits', 'warnedByApp', 'yearOfBirth']);
    expect(phone.server.declarations[0]?.warnedByApp).toBe(true);
    expect(await declarations.draft()).toBeUndefined();
    expect((await declarations.receipts()).map((r) => r.receipt)).toEqual(['ABCD-2222']);
    expect((await declarations.receipt('ABCD-2222'))?.answer.healthStation.phone).toBe('0205 3851 234');
    expect(declarations.qrContent('ABCD-2222')).toBe('https://bluezone.test/checkpoint/ABCD-2222');
    await declarations.remove('ABCD-2222');
    expect(await declarations.receipts()).toEqual([]);
  });

  it('reports a monitored arrival’s days with the receipt’s key, and reads them back', async () => {
    const phone = await testPhone();
    phone.server.monitoredUntil = '2023-11-28';
    const { declarations } = phone.services;
    const stored = await declarations.submit(filled());
    expect(declarations.reportsDaily(stored)).toBe(true);
    expect(await declarations.monitoring(stored)).toMatchObject({ receipt: 'ABCD-2222', monitoringUntil: '2023-11-28', checks: [] });
    const after = await declarations.reportDay(stored, '2023-11-15', []);
    expect(after.checks).toEqual([{ day: '2023-11-15', symptoms: [], selfReported: true }]);
    const [, , sent] = phone.server.uploads();
    expect(sent?.url).toBe('https://bluezone.test/api/v1/declarations/self-report/checks');
    // The key and the day's answers only: nothing of the phone, and not padded as the upload calls are.
    expect(sent?.body).toEqual({ receipt: 'ABCD-2222', key: 'key-ABCD-2222', day: '2023-11-15', symptoms: [] });
    expect((await declarations.reportDay(stored, '2023-11-15', ['cough'])).suspected).toBe(true);
  });

  it('says a declaration the server no longer has, or a receipt without a key, is gone; a lost connection is not', async () => {
    const phone = await testPhone();
    phone.server.monitoredUntil = '2023-11-28';
    const { declarations } = phone.services;
    const stored = await declarations.submit(filled());
    phone.server.offline = true;
    expect((await failureOf(declarations.monitoring(stored))).code).toBe('network_error');
    phone.server.offline = false;
    phone.server.handlers.set('POST /api/v1/declarations/self-report', () => error(404, 'invalid_self_report_key'));
    expect((await failureOf(declarations.monitoring(stored))).code).toBe('gone');
    phone.server.handlers.set('POST /api/v1/declarations/self-report/checks', () => error(429, 'rate_limited'));
    expect((await failureOf(declarations.reportDay(stored, '2023-11-15', []))).code).toBe('rate_limited');
    const { selfReportKey: _key, ...older } = stored.answer;
    expect(declarations.reportsDaily({ ...stored, answer: older })).toBe(false);
    expect((await failureOf(declarations.monitoring({ ...stored, answer: older }))).code).toBe('gone');
    // Not monitored when declared, but a later epidemic area may make it so: the server's status says.
    const unmonitored = await testPhone();
    const plain = await unmonitored.services.declarations.submit(filled());
    expect(unmonitored.services.declarations.reportsDaily(plain)).toBe(true);
    expect((await unmonitored.services.declarations.monitoring(plain)).monitoringUntil).toBeNull();
  });

  it('deletes a receipt once it has expired, and keeps it until then', async () => {
    const phone = await testPhone();
    const { declarations } = phone.services;
    const stored = await declarations.submit(filled());
    const left = Date.parse(stored.answer.receiptExpiresAt) - phone.clock.now();
    await phone.clock.advance(left - 1);
    expect((await declarations.receipts()).map((r) => r.receipt)).toEqual(['ABCD-2222']);
    await phone.clock.advance(1);
    expect(await declarations.receipts()).toEqual([]);
    expect(await phone.db.all('SELECT receipt FROM declaration_receipts')).toEqual([]);
  });

  it('deletes expired receipts with the daily retention, also when the list is never opened', async () => {
    const phone = await testPhone();
    const stored = await phone.services.declarations.submit(filled());
    await phone.services.deleteExpiredData(true);
    expect(await phone.db.all('SELECT receipt FROM declaration_receipts')).toEqual([{ receipt: 'ABCD-2222' }]);
    await phone.clock.advance(Date.parse(stored.answer.receiptExpiresAt) - phone.clock.now());
    expect(await phone.services.deleteExpiredData(true)).toMatchObject({ receipts: 1 });
    expect(await phone.db.all('SELECT receipt FROM declaration_receipts')).toEqual([]);
  });

  it('keeps the draft when the network fails, and sends it unchanged on retry', async () => {
    const phone = await testPhone();
    const { declarations } = phone.services;
    phone.server.offline = true;
    expect((await failureOf(declarations.submit(filled()))).code).toBe('network_error');
    expect(await declarations.draft()).toEqual(filled());
    phone.server.offline = false;
    const draft = await declarations.draft();
    expect((await declarations.submit(draft!)).receipt).toBe('ABCD-2222');
    expect(await declarations.draft()).toBeUndefined();
  });

  it('maps the server’s field problems to the fields, and says rate limits and server errors apart', async () => {
    const phone = await testPhone();
    const { declarations } = phone.services;
    phone.server.handlers.set('POST /api/v1/declarations', () => ({
      status: 400,
      json: { error: { code: 'unknown_unit', message: 'x', fields: [{ field: 'residence.unitCode', problem: 'not_found' }, { field: 'yearOfBirth', problem: 'too_small', limit: 1893 }] } },
    }));
    const invalid = await failureOf(declarations.submit(filled()));
    expect(invalid.code).toBe('invalid');
    expect(invalid.fields).toEqual({ 'residence.unitCode': { problem: 'not_found' }, yearOfBirth: { problem: 'too_small', limit: 1893 } });
    phone.server.handlers.set('POST /api/v1/declarations', () => error(429, 'rate_limited'));
    expect((await failureOf(declarations.submit(filled()))).code).toBe('rate_limited');
    phone.server.handlers.set('POST /api/v1/declarations', () => error(500, 'internal'));
    expect((await failureOf(declarations.submit(filled()))).code).toBe('unavailable');
    phone.server.handlers.set('POST /api/v1/declarations', () => ({ status: 502, bytes: new TextEncoder().encode('<html>Bad gateway</html>') }));
    expect((await failureOf(declarations.submit(filled()))).code).toBe('unavailable');
    // Every failure kept the draft.
    expect(await declarations.draft()).toEqual(filled());
    expect(await declarations.receipts()).toEqual([]);
  });

  it('drops a stored draft that does not read as one, and is emptied by delete all my data', async () => {
    const phone = await testPhone();
    const { declarations, state } = phone.services;
    await state.set('declaration.draft', { kind: 'domestic', fullName: 42 });
    expect(await declarations.draft()).toBeUndefined();
    await declarations.submit(filled());
    await declarations.saveDraft(filled({ fullName: 'Hoàng Văn Tâm' }));
    await phone.services.deleteAllData();
    expect(await declarations.receipts()).toEqual([]);
    expect(await declarations.draft()).toBeUndefined();
  });
});
