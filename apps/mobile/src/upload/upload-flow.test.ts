import type { PublishRequest } from '@bluezone/contract';
import { calculateExposureKeyHmac, decodeStdBase64, encodeStdBase64, intervalNumber, rollingStartIntervalNumber } from '@bluezone/protocol';
import { error } from '../test-support/fake-server';
import { T0, testPhone } from '../test-support/test-platform';
import { UploadError } from './upload-flow';
import { normaliseUploadCode, uploadCodeFromLink } from './upload-code';

const DAY = 86_400;

/** A phone that has traced for `days` days (one key a day), now at T0. */
async function phoneWithKeys(days = 3) {
  const phone = await testPhone({ granted: true });
  for (let d = days - 1; d >= 0; d--) await phone.services.keys.keyFor(T0 / 1000 - d * DAY);
  return phone;
}

const certificateHmacOf = (request: PublishRequest) =>
  calculateExposureKeyHmac(
    request.temporaryExposureKeys.map((k) => ({ key: k.key, rollingStartIntervalNumber: k.rollingStartNumber, rollingPeriod: k.rollingPeriod, transmissionRisk: k.transmissionRisk })),
    decodeStdBase64(request.hmacKey),
  );

async function expectUploadError(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toBeInstanceOf(UploadError);
  await expect(promise).rejects.toMatchObject({ code });
}

describe('upload codes', () => {
  it('reads typed codes and bluezone:// links, and nothing else', () => {
    expect(normaliseUploadCode(' 1234 5678 ')).toBe('12345678');
    expect(normaliseUploadCode('12-34-56-78')).toBe('12345678');
    expect(normaliseUploadCode('12;drop')).toBeUndefined();
    expect(normaliseUploadCode('123')).toBeUndefined();
    expect(uploadCodeFromLink('bluezone://verify?c=AbCdEfGh12345678')).toBe('AbCdEfGh12345678');
    expect(uploadCodeFromLink('BLUEZONE://verify/?x=1&c=AbCdEfGh12345678')).toBe('AbCdEfGh12345678');
    expect(uploadCodeFromLink('https://evil.example/verify?c=AbCdEfGh12345678')).toBeUndefined();
    expect(uploadCodeFromLink('bluezone://verify?c=%E0%A4%A')).toBeUndefined();
  });
});

describe('UploadFlow', () => {
  it('publishes the chosen days, today ended now, with a certificate bound to exactly those keys', async () => {
    const phone = await phoneWithKeys(3);
    const { upload } = phone.services;
    const verified = await upload.verifyCode('1234 5678');
    expect(verified).toMatchObject({ token: 'token-1', testType: 'confirmed' });
    const days = await upload.shareableDays();
    expect(days.map((d) => d.day)).toEqual(['2023-11-14', '2023-11-13', '2023-11-12']);
    const chosen = days.filter((d) => d.day !== '2023-11-12').map((d) => d.rollingStartNumber);
    const result = await upload.publish({ rollingStartNumbers: chosen, symptomOnsetDay: '2023-11-13' });
    expect(result).toEqual({ inserted: 2, warnings: [] });

    const [certificate, publish] = phone.server.uploads().slice(1);
    const request = phone.server.published[0]!;
    expect(request.temporaryExposureKeys.map((k) => k.rollingStartNumber)).toEqual(chosen.slice().reverse());
    // Today's key ends after the current interval, so the server releases it at once.
    const today = request.temporaryExposureKeys[1]!;
    expect(today.rollingPeriod).toBe(intervalNumber(T0 / 1000) + 1 - rollingStartIntervalNumber(T0 / 1000));
    expect((certificate!.body as { ekeyhmac: string }).ekeyhmac).toBe(certificateHmacOf(request));
    expect(request).toMatchObject({ healthAuthorityID: 'vn.bluezone', verificationPayload: 'certificate-1', symptomOnsetInterval: rollingStartIntervalNumber(Date.parse('2023-11-13T00:00:00Z') / 1000) });
    expect(request.revisionToken).toBeUndefined();
    // Every upload request is padded to the same size, so its length does not tell which step it is.
    expect(phone.server.uploads().map((r) => JSON.stringify(r.body).length).every((n) => n >= 4000)).toBe(true);
    expect(publish!.url).toBe(`${phone.server.origin}/api/v1/publish`);
    expect(await upload.pending()).toBeUndefined();
    expect(await upload.published()).toMatchObject({ revisionToken: 'revision-1', testType: 'confirmed' });
    // The published key is never advertised again: the next key starts at the next interval.
    const next = await phone.services.keys.keyFor(T0 / 1000 + 600);
    expect(encodeStdBase64(next.tek)).not.toBe(today.key);
  });

  it('refuses a malformed code on the phone and an unknown one from the server', async () => {
    const phone = await phoneWithKeys();
    await expectUploadError(phone.services.upload.verifyCode('12'), 'code_format');
    expect(phone.server.requests).toHaveLength(0);
    phone.server.handlers.set('POST /api/v1/verify', () => error(400, 'invalid_code'));
    await expectUploadError(phone.services.upload.verifyCode('87654321'), 'invalid_code');
  });

  it('keeps the keys and the certificate through a lost network, and retries with exactly the same request', async () => {
    const phone = await phoneWithKeys();
    const { upload } = phone.services;
    await upload.verifyCode('12345678');
    const starts = (await upload.shareableDays()).map((d) => d.rollingStartNumber);
    let fail = true;
    const publishes: unknown[] = [];
    phone.server.handlers.set('POST /api/v1/publish', (body) => {
      publishes.push(body);
      if (fail) throw new TypeError('Network request failed');
      return { status: 200, json: { insertedExposures: 3, revisionToken: 'revision-x', padding: '' } };
    });
    await expectUploadError(upload.publish({ rollingStartNumbers: starts, symptomOnsetDay: null }), 'network_error');
    expect(await upload.pending()).toMatchObject({ certificate: 'certificate-1', publishAttempted: true });
    fail = false;
    // The app restarted: a new flow over the same keystore resumes.
    await expect(upload.publish({ rollingStartNumbers: [], symptomOnsetDay: null })).resolves.toEqual({ inserted: 3, warnings: [] });
    const [first, second] = publishes as { temporaryExposureKeys: unknown; hmacKey: string; verificationPayload: string }[];
    expect(second!.temporaryExposureKeys).toEqual(first!.temporaryExposureKeys);
    expect(second!.hmacKey).toBe(first!.hmacKey);
    expect(phone.server.uploads().filter((r) => r.url.endsWith('/certificate'))).toHaveLength(1);
  });

  it('takes a lost publish answer followed by "already published" as done', async () => {
    const phone = await phoneWithKeys();
    const { upload } = phone.services;
    await upload.verifyCode('12345678');
    let calls = 0;
    phone.server.handlers.set('POST /api/v1/publish', () => {
      calls++;
      if (calls === 1) throw new TypeError('Network request failed');
      return error(400, 'invalid_revision_token');
    });
    const starts = (await upload.shareableDays()).map((d) => d.rollingStartNumber);
    await expectUploadError(upload.publish({ rollingStartNumbers: starts, symptomOnsetDay: null }), 'network_error');
    await expect(upload.publish({ rollingStartNumbers: starts, symptomOnsetDay: null })).resolves.toEqual({ inserted: 0, warnings: [] });
    expect(await upload.published()).toMatchObject({ revisionToken: null });
  });

  it('asks for a new code when the token or the certificate has expired, keeping the chosen keys', async () => {
    const phone = await phoneWithKeys();
    const { upload } = phone.services;
    await upload.verifyCode('12345678');
    const starts = (await upload.shareableDays()).map((d) => d.rollingStartNumber);
    phone.server.handlers.set('POST /api/v1/certificate', () => error(400, 'token_invalid'));
    await expectUploadError(upload.publish({ rollingStartNumbers: starts, symptomOnsetDay: null }), 'new_code_needed');
    const kept = await upload.pending();
    expect(kept?.keys).toHaveLength(3);
    expect(kept?.verified).toBeUndefined();

    phone.server.handlers.set('POST /api/v1/certificate', () => ({ status: 200, json: { certificate: 'certificate-2', padding: '' } }));
    phone.server.handlers.set('POST /api/v1/publish', () => error(401, 'certificate_invalid'));
    await upload.verifyCode('22223333');
    await expectUploadError(upload.publish({ rollingStartNumbers: [], symptomOnsetDay: null }), 'new_code_needed');
    expect((await upload.pending())?.keys).toEqual(kept?.keys);
  });

  it('revises an earlier upload with its revision token, and withdraws it after a negative test', async () => {
    const phone = await phoneWithKeys(2);
    const { upload } = phone.services;
    phone.server.handlers.set('POST /api/v1/verify', () => ({ status: 200, json: { token: 't1', testType: 'likely', padding: '' } }));
    await upload.verifyCode('12345678');
    const firstDays = await upload.shareableDays();
    await upload.publish({ rollingStartNumbers: firstDays.map((d) => d.rollingStartNumber), symptomOnsetDay: null });

    // Two days later, the test confirms it: earlier keys again (with the token), and the new days.
    await phone.clock.advance(2 * DAY * 1000);
    await phone.services.keys.keyFor(phone.clock.now() / 1000);
    phone.server.handlers.set('POST /api/v1/verify', () => ({ status: 200, json: { token: 't2', testType: 'confirmed', padding: '' } }));
    await upload.verifyCode('87654321');
    const days = await upload.shareableDays();
    expect(days.filter((d) => d.alreadyShared)).toHaveLength(2);
    await upload.publish({ rollingStartNumbers: days.filter((d) => !d.alreadyShared).map((d) => d.rollingStartNumber), symptomOnsetDay: null });
    const revision = phone.server.published[1]!;
    expect(revision.revisionToken).toBe('revision-1');
    expect(revision.temporaryExposureKeys.slice(0, 2)).toEqual(phone.server.published[0]!.temporaryExposureKeys);
    expect(revision.temporaryExposureKeys.length).toBeGreaterThan(2);

    phone.server.handlers.set('POST /api/v1/verify', () => ({ status: 200, json: { token: 't3', testType: 'negative', padding: '' } }));
    await upload.verifyCode('11112222');
    await upload.publish({ rollingStartNumbers: [], symptomOnsetDay: null });
    const withdrawal = phone.server.published[2]!;
    expect(withdrawal.revisionToken).toBe('revision-2');
    expect(withdrawal.temporaryExposureKeys).toEqual(revision.temporaryExposureKeys);
  });

  it('refuses to publish nothing, and reports a refusal it cannot retry', async () => {
    const phone = await phoneWithKeys();
    const { upload } = phone.services;
    await upload.verifyCode('12345678');
    await expectUploadError(upload.publish({ rollingStartNumbers: [], symptomOnsetDay: null }), 'nothing_to_share');
    await upload.verifyCode('12345678');
    phone.server.handlers.set('POST /api/v1/publish', () => error(400, 'overlapping_keys'));
    const starts = (await upload.shareableDays()).map((d) => d.rollingStartNumber);
    await expect(upload.publish({ rollingStartNumbers: starts, symptomOnsetDay: null })).rejects.toMatchObject({ code: 'rejected', detail: 'overlapping_keys' });
    expect(await upload.pending()).toBeUndefined();
  });
});
