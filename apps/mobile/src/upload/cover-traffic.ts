import { encodeStdBase64, rollingStartIntervalNumber } from '@bluezone/protocol';
import type { BackendClient } from '../api/backend-client';
import type { Clock } from '../platform/clock';
import type { AppStateStore } from '../storage/app-state-store';
import type { UploadKey } from './upload-flow';

/**
 * Decoy uploads ("chaff"), so that someone who watches a phone's encrypted traffic (the network's operator, a shared
 * Wi-Fi) cannot tell that its user tested positive from the fact that it called the upload API. Every phone now and
 * then runs the whole upload as a real one does: verify, a pause as a person reading the consent screen takes, then
 * certificate and publish, each request padded to the same length as a real one (BackendClient) and marked
 * `X-Chaff: 1` inside the encryption. The server checks and answers it as a real upload and writes nothing, and signs
 * its token and certificate with a key no verifier trusts (apps/server/README.md, Security model).
 *
 * When: at random, as a Poisson process of one decoy a day on average (the rate the server's capacity estimate
 * assumes), drawn anew after each one, so neither the times nor the gaps between them follow a pattern a real upload
 * would break. A decoy runs at the first chance after its time: the background check, or the app coming to the front.
 * Nothing of the phone's own keys, codes or pending upload is read or changed; a decoy that fails is not retried.
 */
export const MEAN_HOURS_BETWEEN_DECOYS = 24;

/** Seconds between the verify and the certificate: a person reads the consent and picks the days. */
const PAUSE_SECONDS = { min: 3, max: 15 };

/** As many keys as a real upload of the last two weeks carries. */
const DECOY_KEYS = 14;

export interface CoverTrafficDependencies {
  backend: BackendClient;
  state: AppStateStore;
  clock: Clock;
  randomBytes: (n: number) => Uint8Array;
  /** Uniform in [0, 1). */
  random: () => number;
  healthAuthorityId: () => string;
}

export class CoverTraffic {
  private running: Promise<boolean> | undefined;

  constructor(private readonly deps: CoverTrafficDependencies) {}

  /**
   * Sends a decoy upload if one is due; true when one was sent to its end. The first call only draws the time of the
   * first decoy, so a phone does not send one the moment it is set up. Calls while a decoy runs share it.
   */
  maybeSend(): Promise<boolean> {
    this.running ??= this.sendIfDue().finally(() => (this.running = undefined));
    return this.running;
  }

  private async sendIfDue(): Promise<boolean> {
    const now = this.deps.clock.now();
    const due = await this.deps.state.get('upload.nextDecoyAt');
    if (due !== undefined && now < due) return false;
    // Drawn before the decoy runs, so a phone that dies during it does not send two at once later.
    await this.deps.state.set('upload.nextDecoyAt', now + this.nextGapMs());
    if (due === undefined) return false;
    try {
      await this.decoyUpload();
      return true;
    } catch {
      return false;
    }
  }

  /** Exponentially distributed: the gaps of a Poisson process. */
  private nextGapMs(): number {
    const u = Math.min(Math.max(this.deps.random(), Number.EPSILON), 1 - Number.EPSILON);
    return -Math.log(1 - u) * MEAN_HOURS_BETWEEN_DECOYS * 3_600_000;
  }

  private async decoyUpload(): Promise<void> {
    const { backend } = this.deps;
    const code = Array.from(this.deps.randomBytes(8), (b) => String(b % 10)).join('');
    const { token } = await backend.verify(code, { chaff: true });
    await this.pause();
    const { certificate } = await backend.certificate(token, encodeStdBase64(this.deps.randomBytes(32)), { chaff: true });
    await backend.publish(
      { temporaryExposureKeys: this.decoyKeys(), healthAuthorityID: this.deps.healthAuthorityId(), verificationPayload: certificate, hmacKey: encodeStdBase64(this.deps.randomBytes(32)) },
      { chaff: true },
    );
  }

  private pause(): Promise<void> {
    const seconds = PAUSE_SECONDS.min + this.deps.random() * (PAUSE_SECONDS.max - PAUSE_SECONDS.min);
    return new Promise((resolve) => this.deps.clock.setTimer(seconds * 1000, resolve));
  }

  /** Random keys of the last 14 days, one a day, shaped as a real upload's. */
  private decoyKeys(): UploadKey[] {
    const today = rollingStartIntervalNumber(this.deps.clock.now() / 1000);
    return Array.from({ length: DECOY_KEYS }, (_, i) => ({
      key: encodeStdBase64(this.deps.randomBytes(16)),
      rollingStartNumber: today - i * 144,
      rollingPeriod: 144,
      transmissionRisk: 0,
    }));
  }
}
