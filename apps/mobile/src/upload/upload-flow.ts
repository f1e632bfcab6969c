import type { TestType } from '@bluezone/contract';
import { calculateExposureKeyHmac, decodeStdBase64, encodeStdBase64, rollingStartIntervalNumber } from '@bluezone/protocol';
import { isApiError } from '../api/api-error';
import type { BackendClient } from '../api/backend-client';
import { utcDay, type Clock } from '../platform/clock';
import type { SecretStorage } from '../storage/secret-storage';
import type { DailyKey, DailyKeyStore } from '../tracing/daily-keys';
import { normaliseUploadCode } from './upload-code';

/** A key as the publish API carries it. */
export interface UploadKey {
  key: string;
  rollingStartNumber: number;
  rollingPeriod: number;
  transmissionRisk: number;
}

export interface VerifiedCode {
  token: string;
  testType: TestType;
  symptomDate?: string;
  testDate?: string;
}

/**
 * An upload on its way, kept in the keystore at every step so that a lost network, a closed app or a restart
 * resumes where it stopped, with the same keys and the same HMAC key (the certificate binds them).
 */
export interface PendingUpload {
  verified?: VerifiedCode;
  keys?: UploadKey[];
  hmacKey?: string;
  certificate?: string;
  symptomOnsetInterval?: number | null;
  /** Set before publish is sent: if its answer is lost, the keys may be on the server already. */
  publishAttempted?: boolean;
}

/** What this phone has published, for a later revision (likely → confirmed, or withdrawn after a negative test). */
export interface PublishedUpload {
  keys: UploadKey[];
  revisionToken: string | null;
  testType: TestType;
  /** Unix ms. */
  publishedAt: number;
}

export type UploadErrorCode =
  /** Not a code at all (checked on the phone). */
  | 'code_format'
  /** The server does not take the code: unknown, used or expired (it never says which). */
  | 'invalid_code'
  /** The code was accepted, but its token or certificate has expired or was used: a new code is needed. */
  | 'new_code_needed'
  /** No answer, or the server is busy: try again; nothing is lost. */
  | 'network_error'
  /** The user chose no day, or a negative test has nothing to withdraw. */
  | 'nothing_to_share'
  /** The server refused the keys for a reason retrying will not change (the server's code is in `detail`). */
  | 'rejected';

export class UploadError extends Error {
  constructor(
    readonly code: UploadErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'UploadError';
  }
}

/** One day the user may share: the key of that day, shown by its date. */
export interface ShareableDay {
  day: string;
  rollingStartNumber: number;
  /** Published before: part of any later upload, as the revision token requires. */
  alreadyShared: boolean;
}

export interface UploadDependencies {
  backend: BackendClient;
  keys: DailyKeyStore;
  secrets: SecretStorage;
  clock: Clock;
  randomBytes: (n: number) => Uint8Array;
  healthAuthorityId: () => string;
  /** Called after a publish, so the published key leaves the air. */
  onPublished?: () => Promise<void> | void;
}

const PENDING = 'bluezone.pendingUpload';
const PUBLISHED = 'bluezone.publishedKeys';

/**
 * "I tested positive": the code from the health officer → verification token → the user's consent to the days
 * listed → symptom onset → certificate bound by HMAC to exactly those keys → publish (the shapes of Google's
 * verification and key servers). Only daily keys leave the phone, never sightings, and only after the user's
 * consent on this screen; the server learns nothing about who uploads.
 */
export class UploadFlow {
  constructor(private readonly deps: UploadDependencies) {}

  async pending(): Promise<PendingUpload | undefined> {
    const text = await this.deps.secrets.get(PENDING);
    return text ? (JSON.parse(text) as PendingUpload) : undefined;
  }

  async published(): Promise<PublishedUpload | undefined> {
    const text = await this.deps.secrets.get(PUBLISHED);
    return text ? (JSON.parse(text) as PublishedUpload) : undefined;
  }

  /** Abandons an upload that has not been published (the keys stay on the phone). */
  async cancel(): Promise<void> {
    await this.deps.secrets.remove(PENDING);
  }

  /** Exchanges the officer's code for a verification token. */
  async verifyCode(text: string): Promise<VerifiedCode> {
    const code = normaliseUploadCode(text);
    if (!code) throw new UploadError('code_format');
    let answer;
    try {
      answer = await this.deps.backend.verify(code);
    } catch (error) {
      if (isApiError(error, 'invalid_code') || isApiError(error, 'validation_failed')) throw new UploadError('invalid_code');
      throw this.networkOr(error);
    }
    const verified: VerifiedCode = { token: answer.token, testType: answer.testType, symptomDate: answer.symptomDate, testDate: answer.testDate };
    const pending = (await this.pending()) ?? {};
    // A new code starts a new exchange; keys chosen earlier stay chosen.
    await this.savePending({ keys: pending.keys, hmacKey: pending.hmacKey, symptomOnsetInterval: pending.symptomOnsetInterval, verified });
    return verified;
  }

  /** The days this phone has keys for (at most 14 and today), newest first, for the consent screen. */
  async shareableDays(): Promise<ShareableDay[]> {
    const now = this.deps.clock.now() / 1000;
    const published = new Set((await this.published())?.keys.map((k) => k.key) ?? []);
    const keys = await this.deps.keys.history(now);
    return keys
      .map((k) => ({ day: utcDay(k.rollingStartIntervalNumber * 600), rollingStartNumber: k.rollingStartIntervalNumber, alreadyShared: published.has(encodeStdBase64(k.tek)) }))
      .reverse();
  }

  /**
   * Publishes the keys of the chosen days (by rolling start) with the symptom onset day (`null`: no symptoms or
   * not known). Resumes a pending upload at the step where it stopped.
   */
  async publish(choice: { rollingStartNumbers: readonly number[]; symptomOnsetDay: string | null }): Promise<{ inserted: number; warnings: string[] }> {
    let pending = await this.pending();
    const verified = pending?.verified;
    if (!pending || !verified) throw new UploadError('new_code_needed');
    const previous = await this.published();
    if (!pending.keys) {
      pending = { ...pending, ...(await this.chooseKeys(verified.testType, choice, previous)) };
      await this.savePending(pending);
    }
    const keys = pending.keys as UploadKey[];
    const hmacKey = pending.hmacKey as string;
    if (!pending.certificate) {
      const ekeyhmac = calculateExposureKeyHmac(
        keys.map((k) => ({ key: k.key, rollingStartIntervalNumber: k.rollingStartNumber, rollingPeriod: k.rollingPeriod, transmissionRisk: k.transmissionRisk })),
        decodeStdBase64(hmacKey),
      );
      try {
        pending.certificate = (await this.deps.backend.certificate(verified.token, ekeyhmac)).certificate;
      } catch (error) {
        if (isApiError(error, 'token_invalid') || isApiError(error, 'token_used')) return this.newCodeNeeded(pending);
        throw this.networkOr(error);
      }
      await this.savePending(pending);
    }
    const wasAttempted = pending.publishAttempted === true;
    pending.publishAttempted = true;
    await this.savePending(pending);
    let answer;
    try {
      answer = await this.deps.backend.publish({
        temporaryExposureKeys: keys,
        healthAuthorityID: this.deps.healthAuthorityId(),
        verificationPayload: pending.certificate,
        hmacKey,
        ...(pending.symptomOnsetInterval != null ? { symptomOnsetInterval: pending.symptomOnsetInterval } : {}),
        ...(previous?.revisionToken ? { revisionToken: previous.revisionToken } : {}),
      });
    } catch (error) {
      if (isApiError(error, 'certificate_invalid')) return this.newCodeNeeded(pending);
      if (wasAttempted && isApiError(error, 'invalid_revision_token')) {
        // The first publish reached the server and its answer was lost: the keys are there; only the token is gone.
        await this.finish(keys, null, verified.testType);
        return { inserted: 0, warnings: [] };
      }
      if (isApiError(error) && !error.retryable) {
        await this.cancel();
        throw new UploadError('rejected', error.code);
      }
      throw this.networkOr(error);
    }
    await this.finish(keys, answer.revisionToken, verified.testType, previous);
    return { inserted: answer.insertedExposures, warnings: answer.warnings ?? [] };
  }

  private async chooseKeys(testType: TestType, choice: { rollingStartNumbers: readonly number[]; symptomOnsetDay: string | null }, previous: PublishedUpload | undefined) {
    const now = this.deps.clock.now() / 1000;
    const earlier = previous?.keys ?? [];
    let keys: UploadKey[];
    if (testType === 'negative') {
      // A negative test withdraws what was published; it publishes nothing new.
      keys = earlier;
    } else {
      const wanted = new Set(choice.rollingStartNumbers);
      // The key in use is ended now (same-day release), so today's contacts can be warned today.
      const interval = Math.floor(now / 600);
      const inUse = (await this.deps.keys.history(now)).find((k) => k.rollingStartIntervalNumber <= interval && interval < k.rollingStartIntervalNumber + k.rollingPeriod);
      if (inUse && wanted.has(inUse.rollingStartIntervalNumber)) await this.deps.keys.releaseCurrent(now);
      const chosen = (await this.deps.keys.history(now)).filter((k) => wanted.has(k.rollingStartIntervalNumber)).map(toUploadKey);
      const byKey = new Map([...earlier, ...chosen].map((k) => [k.key, k]));
      keys = [...byKey.values()];
    }
    if (keys.length === 0) throw new UploadError('nothing_to_share');
    const onset = choice.symptomOnsetDay ? rollingStartIntervalNumber(Date.parse(`${choice.symptomOnsetDay}T00:00:00Z`) / 1000) : null;
    return { keys, hmacKey: encodeStdBase64(this.deps.randomBytes(32)), symptomOnsetInterval: onset, certificate: undefined, publishAttempted: false };
  }

  private async finish(keys: UploadKey[], revisionToken: string | null, testType: TestType, previous?: PublishedUpload): Promise<void> {
    const record: PublishedUpload = { keys, revisionToken: revisionToken ?? previous?.revisionToken ?? null, testType, publishedAt: this.deps.clock.now() };
    await this.deps.secrets.set(PUBLISHED, JSON.stringify(record));
    await this.deps.secrets.remove(PENDING);
    await this.deps.onPublished?.();
  }

  /** The token or certificate is spent: keep the chosen keys, ask for a new code. */
  private async newCodeNeeded(pending: PendingUpload): Promise<never> {
    await this.savePending({ keys: pending.keys, hmacKey: pending.hmacKey, symptomOnsetInterval: pending.symptomOnsetInterval });
    throw new UploadError('new_code_needed');
  }

  private networkOr(error: unknown): UploadError {
    if (isApiError(error) && error.retryable) return new UploadError('network_error', error.code);
    if (isApiError(error)) return new UploadError('rejected', error.code);
    return new UploadError('network_error', error instanceof Error ? error.message : String(error));
  }

  private savePending(pending: PendingUpload): Promise<void> {
    return this.deps.secrets.set(PENDING, JSON.stringify(pending));
  }
}

function toUploadKey(key: DailyKey): UploadKey {
  return { key: encodeStdBase64(key.tek), rollingStartNumber: key.rollingStartIntervalNumber, rollingPeriod: key.rollingPeriod, transmissionRisk: 0 };
}
