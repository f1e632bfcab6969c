import { flushPromises } from '../test-support/fake-clock';
import { T0, testPhone, type TestPhone } from '../test-support/test-platform';
import { MEAN_HOURS_BETWEEN_DECOYS } from './cover-traffic';

const HOUR = 3_600_000;
const UPLOAD_PATHS = ['/api/v1/verify', '/api/v1/certificate', '/api/v1/publish'];

const uploadCalls = (phone: TestPhone) => phone.server.requests.filter((r) => UPLOAD_PATHS.some((p) => r.url.endsWith(p)));

/** Runs `maybeSend` to its end, moving the phone's clock through the decoy's pause. */
async function send(phone: TestPhone): Promise<boolean> {
  const sending = phone.services.coverTraffic.maybeSend();
  await flushPromises();
  await phone.clock.advance(60_000);
  return sending;
}

/** Moves the phone's clock to its next decoy's time. */
async function untilDue(phone: TestPhone) {
  const due = (await phone.services.state.get('upload.nextDecoyAt'))!;
  await phone.clock.advance(Math.max(0, due - phone.clock.now()));
}

describe('decoy uploads', () => {
  it('sends none when first asked, only draws when the first is due, as a newly set-up phone should not stand out', async () => {
    const phone = await testPhone({ granted: true });
    expect(await send(phone)).toBe(false);
    expect(uploadCalls(phone)).toEqual([]);
    const due = await phone.services.state.get('upload.nextDecoyAt');
    expect(due).toBeGreaterThan(T0);
    // Asked again before its time, it still sends nothing.
    expect(await send(phone)).toBe(false);
    expect(uploadCalls(phone)).toEqual([]);
  });

  it('runs the whole upload when due, each call marked chaff and as long as a real one, and keeps nothing', async () => {
    const phone = await testPhone({ granted: true });
    await send(phone);
    await untilDue(phone);
    const sending = phone.services.coverTraffic.maybeSend();
    await flushPromises();
    expect(uploadCalls(phone)).toHaveLength(1);
    // A person's pause between the code and the certificate: seconds, not milliseconds.
    await phone.clock.advance(2_500);
    expect(uploadCalls(phone)).toHaveLength(1);
    await phone.clock.advance(60_000);
    expect(await sending).toBe(true);
    const calls = uploadCalls(phone);
    expect(calls.map((c) => c.url.replace(phone.server.origin, ''))).toEqual(UPLOAD_PATHS);
    for (const call of calls) expect(call.headers['x-chaff']).toBe('1');
    const publish = calls[2]!.body as { temporaryExposureKeys: { key: string; rollingPeriod: number }[]; verificationPayload: string };
    expect(publish.temporaryExposureKeys).toHaveLength(14);
    // The certificate the server gave the decoy, not one of the phone's own.
    expect(publish.verificationPayload).toBe('chaff-certificate');
    // None of the phone's own keys left it, and no upload of its own is pending or recorded.
    const own = new Set((await phone.services.keys.history(phone.clock.now() / 1000)).map((k) => Buffer.from(k.tek).toString('base64')));
    expect(publish.temporaryExposureKeys.some((k) => own.has(k.key))).toBe(false);
    expect(await phone.services.upload.pending()).toBeUndefined();
    expect(await phone.services.upload.published()).toBeUndefined();
    expect(phone.server.published).toEqual([]);
  });

  it('pads a decoy’s requests and headers to the length of a real upload’s', async () => {
    const phone = await testPhone({ granted: true });
    await phone.services.upload.verifyCode('12345678');
    const real = uploadCalls(phone)[0]!;
    expect(real.headers['x-chaff']).toBe('0');
    await send(phone);
    await untilDue(phone);
    await send(phone);
    const decoy = uploadCalls(phone)[1]!;
    expect(decoy.headers['x-chaff']).toBe('1');
    expect(JSON.stringify(decoy.body).length).toBe(JSON.stringify(real.body).length);
    expect(Object.keys(decoy.headers).sort()).toEqual(Object.keys(real.headers).sort());
  });

  it('draws the gaps from an exponential law of mean one day, and sends one decoy for calls that overlap', async () => {
    const phone = await testPhone({ granted: true });
    await send(phone);
    const gaps: number[] = [];
    for (let i = 0; i < 40; i++) {
      await untilDue(phone);
      const at = phone.clock.now();
      const [first, second] = await Promise.all([phone.services.coverTraffic.maybeSend(), phone.services.coverTraffic.maybeSend(), flushPromises().then(() => phone.clock.advance(60_000))]);
      expect([first, second]).toEqual([true, true]);
      gaps.push((await phone.services.state.get('upload.nextDecoyAt'))! - at);
    }
    expect(uploadCalls(phone)).toHaveLength(40 * 3);
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    // 40 draws of an exponential law: the mean lies within ±50% of one day unless the draws are broken.
    expect(mean).toBeGreaterThan(0.5 * MEAN_HOURS_BETWEEN_DECOYS * HOUR);
    expect(mean).toBeLessThan(1.5 * MEAN_HOURS_BETWEEN_DECOYS * HOUR);
    expect(Math.min(...gaps)).toBeLessThan(0.5 * MEAN_HOURS_BETWEEN_DECOYS * HOUR);
    expect(Math.max(...gaps)).toBeGreaterThan(1.5 * MEAN_HOURS_BETWEEN_DECOYS * HOUR);
  });

  it('lets a decoy that fails go, without an error and without retrying it before the next is due', async () => {
    const phone = await testPhone({ granted: true });
    await send(phone);
    await untilDue(phone);
    phone.server.offline = true;
    expect(await send(phone)).toBe(false);
    expect(uploadCalls(phone)).toHaveLength(1);
    phone.server.offline = false;
    expect(await send(phone)).toBe(false);
    expect(uploadCalls(phone)).toHaveLength(1);
  });
});
