import { assertBytes, assertInteger } from '../assert.js';
import { ProtocolError } from '../errors.js';
import { pureCryptoBackend, type CryptoBackend } from '../identifiers/crypto-backend.js';
import { decodeStdBase64, encodeStdBase64 } from '../base64.js';

/** One key as the phone will upload it, the fields the verification certificate's HMAC covers. */
export interface HmacExposureKey {
  /** The 16-byte TEK, as bytes or as the standard base64 the publish API carries. */
  key: Uint8Array | string;
  rollingStartIntervalNumber: number;
  rollingPeriod: number;
  /** 0..8 in the v1 API; may be left out only with `omitTransmissionRisk`. */
  transmissionRisk?: number;
}

export interface ExposureKeyHmacOptions {
  /**
   * Leave `.transmissionRisk` out of every key's text. The key server accepts this older form when every key's
   * transmission risk is 0 (exposure-notifications-server TestCalculateDualHMACs); phones of the current API use
   * the full form.
   */
  omitTransmissionRisk?: boolean;
}

/**
 * The cleartext the verification server's certificate HMAC covers (google/exposure-notifications-verification-
 * server pkg/verification/utils.go, CalculateExposureKeyHMAC): each key as
 * `base64(key).rollingStartIntervalNumber.rollingPeriod.transmissionRisk`, sorted by the base64 text, joined by ",".
 * Sorting makes the HMAC independent of the order the phone lists its keys in.
 *
 * @example exposureKeyHmacMessage([{ key: 'z2Cx9hdz2SlxZ8GEgqTYpA==', rollingStartIntervalNumber: 1,
 *   rollingPeriod: 144, transmissionRisk: 3 }]) // "z2Cx9hdz2SlxZ8GEgqTYpA==.1.144.3"
 */
export function exposureKeyHmacMessage(keys: readonly HmacExposureKey[], options: ExposureKeyHmacOptions = {}): string {
  if (!Array.isArray(keys) || keys.length === 0) {
    // The Go server refuses an empty list too: a certificate must bind at least one key.
    throw new ProtocolError('invalid_argument', 'keys must be a non-empty array');
  }
  const omitRisk = options.omitTransmissionRisk === true;
  const texts = keys.map((k, i) => {
    const name = `keys[${i}]`;
    if (typeof k !== 'object' || k === null) throw new ProtocolError('invalid_argument', `${name} must be an object`);
    let key: string;
    if (typeof k.key === 'string') {
      assertBytes(decodeStdBase64(k.key, `${name}.key`), `${name}.key`, 16);
      key = k.key;
    } else {
      assertBytes(k.key, `${name}.key`, 16);
      key = encodeStdBase64(k.key);
    }
    assertInteger(k.rollingStartIntervalNumber, `${name}.rollingStartIntervalNumber`, 0, 0xffffffff);
    assertInteger(k.rollingPeriod, `${name}.rollingPeriod`, 1, 144);
    let text = `${key}.${k.rollingStartIntervalNumber}.${k.rollingPeriod}`;
    if (!omitRisk) {
      assertInteger(k.transmissionRisk, `${name}.transmissionRisk`, 0, 8);
      text += `.${k.transmissionRisk}`;
    } else if (k.transmissionRisk !== undefined && k.transmissionRisk !== 0) {
      throw new ProtocolError('invalid_argument', 'transmissionRisk may be omitted only when it is 0');
    }
    return { key, text };
  });
  // Go's sort.Slice with strings.Compare: byte order, which for ASCII base64 is JavaScript's code-unit order.
  texts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return texts.map((t) => t.text).join(',');
}

/**
 * HMAC-SHA256(hmacKey, exposureKeyHmacMessage(keys)), standard base64: the value the phone sends when asking for
 * a verification certificate, and the key server recomputes from the keys it is asked to publish, so a
 * certificate cannot be reused for other keys.
 *
 * @example calculateExposureKeyHmac(keys, hmacKey) // "2u1nHt5WWurJytFLF3xitNzM99oNrad2y4YGOL53AeY="
 */
export function calculateExposureKeyHmac(
  keys: readonly HmacExposureKey[],
  hmacKey: Uint8Array,
  backend: CryptoBackend = pureCryptoBackend,
  options: ExposureKeyHmacOptions = {},
): string {
  assertBytes(hmacKey, 'hmacKey');
  // An empty key would make the HMAC computable by anyone who sees the keys.
  if (hmacKey.length === 0) throw new ProtocolError('invalid_length', 'hmacKey must not be empty');
  const message = new TextEncoder().encode(exposureKeyHmacMessage(keys, options));
  return encodeStdBase64(backend.hmacSha256(hmacKey, message));
}
