import { ProtocolError } from '../errors.js';
import {
  INTERVAL_SECONDS,
  TEK_ROLLING_PERIOD,
  deriveAssociatedEncryptedMetadataKey,
  deriveRollingProximityIdentifierKey,
  deriveRollingProximityIdentifiers,
  encodeMetadata,
  encryptAssociatedMetadata,
  pureCryptoBackend,
  type CryptoBackend,
} from '../identifiers/index.js';
import type { DiagnosisKey } from './diagnosis-key.js';
import type { Sighting } from './sighting.js';

/**
 * A deterministic stand-in phone for tests, benchmarks and the simulator: 14 days of sightings of many other
 * phones, and a list of published keys of which a few belong to phones it really met.
 *
 * Background sightings carry random RPIs and AEMs: AES outputs are indistinguishable from random, and deriving
 * them for real would only slow generation down. Contacts are derived for real (RPI and AEM from a TEK), so
 * matching and AEM decryption run their true path on them.
 *
 * Example: `const phone = generateSyntheticPhone({ nowSeconds, publishedKeys: 1000, contacts: 5 });`
 */
export interface SyntheticPhone {
  sightings: Sighting[];
  publishedKeys: DiagnosisKey[];
  /** Indexes into `publishedKeys` of the keys of phones this phone met. */
  contactKeyIndexes: number[];
}

export interface SyntheticPhoneOptions {
  nowSeconds: number;
  publishedKeys: number;
  /** How many of the published keys met this phone (one encounter each), default min(10, publishedKeys). */
  contacts?: number;
  days?: number;
  /** Background sightings a day, default 3000 (a busy town: ~150 phones a day, ~20 sightings each). */
  sightingsPerDay?: number;
  seed?: number;
  backend?: CryptoBackend;
}

/** splitmix32: a small seeded generator, so the same options always give the same phone. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function randomBytes(next: () => number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += 4) {
    const word = next();
    for (let k = 0; k < 4 && i + k < length; k++) out[i + k] = (word >>> (8 * k)) & 0xff;
  }
  return out;
}

export function generateSyntheticPhone(options: SyntheticPhoneOptions): SyntheticPhone {
  const days = options.days ?? 14;
  const perDay = options.sightingsPerDay ?? 3000;
  const keyCount = options.publishedKeys;
  const contacts = options.contacts ?? Math.min(10, keyCount);
  if (!Number.isSafeInteger(keyCount) || keyCount < 0 || !Number.isSafeInteger(contacts) || contacts < 0 || contacts > keyCount) {
    throw new ProtocolError('invalid_argument', 'publishedKeys and contacts must be integers with 0 <= contacts <= publishedKeys');
  }
  const backend = options.backend ?? pureCryptoBackend;
  const next = seeded(options.seed ?? 1);
  const below = (n: number) => next() % n;
  const today = Math.floor(options.nowSeconds / 86_400) * 86_400;
  const firstDay = today - (days - 1) * 86_400;

  const sightings: Sighting[] = [];
  for (let i = 0; i < days * perDay; i++) {
    sightings.push({
      rpi: randomBytes(next, 16),
      aem: randomBytes(next, 4),
      timestamp: firstDay + below(days * 86_400),
      rssi: -40 - below(60),
    });
  }

  const publishedKeys: DiagnosisKey[] = [];
  for (let i = 0; i < keyCount; i++) {
    const day = firstDay + below(days) * 86_400;
    publishedKeys.push({
      keyData: randomBytes(next, 16),
      rollingStartIntervalNumber: day / INTERVAL_SECONDS,
      rollingPeriod: TEK_ROLLING_PERIOD,
      reportType: 1,
    });
  }

  // Spread the contacts evenly through the key list, so every worker's share of keys meets some.
  const contactKeyIndexes: number[] = [];
  for (let c = 0; c < contacts; c++) contactKeyIndexes.push(Math.floor(((c + 0.5) * keyCount) / contacts));
  for (const keyIndex of contactKeyIndexes) {
    const key = publishedKeys[keyIndex] as DiagnosisKey;
    const rpik = deriveRollingProximityIdentifierKey(key.keyData, backend);
    const aemk = deriveAssociatedEncryptedMetadataKey(key.keyData, backend);
    const metadata = encodeMetadata({ versionMajor: 1, versionMinor: 0, txPowerDbm: -10 + below(20), calibrationConfidence: below(4) });
    // An encounter of 5 to 40 minutes that starts in the day's first 23 hours, seen every 5 minutes.
    const start = key.rollingStartIntervalNumber * INTERVAL_SECONDS + below(23 * 3600);
    const minutes = 5 + below(36);
    const attenuation = 45 + below(25);
    for (let t = start; t < start + minutes * 60; t += 300) {
      const interval = Math.floor(t / INTERVAL_SECONDS);
      const rpi = deriveRollingProximityIdentifiers(rpik, interval, 1, backend);
      const aem = encryptAssociatedMetadata(aemk, rpi, metadata, backend);
      const txPower = metadata[1] as number;
      sightings.push({ rpi, aem, timestamp: t, rssi: (txPower > 127 ? txPower - 256 : txPower) - attenuation - below(4) });
    }
  }
  return { sightings, publishedKeys, contactKeyIndexes };
}
