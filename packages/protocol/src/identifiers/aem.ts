import { assertBytes } from '../assert.js';
import { pureCryptoBackend, type CryptoBackend } from './crypto-backend.js';
import { METADATA_LENGTH } from './metadata.js';
import { RPI_LENGTH } from './rpi.js';
import { TEK_LENGTH } from './tek.js';

const AEMK_INFO = new TextEncoder().encode('EN-AEMK');

/** Length of the Associated Encrypted Metadata Key. */
export const AEMK_LENGTH = 16;

/**
 * AEMK_i = HKDF(tek_i, salt = NULL, info = UTF8("EN-AEMK"), 16) (EN Cryptography Specification v1.2,
 * "Associated Encrypted Metadata Key").
 *
 * @example deriveAssociatedEncryptedMetadataKey(fromHex('75c734c6dd1a782de7a965da5eb93125'))
 *   // d57c46af7a1d83965b9bed8bd152936a
 */
export function deriveAssociatedEncryptedMetadataKey(
  tek: Uint8Array,
  backend: CryptoBackend = pureCryptoBackend,
): Uint8Array {
  assertBytes(tek, 'tek', TEK_LENGTH);
  return backend.hkdfSha256(tek, undefined, AEMK_INFO, AEMK_LENGTH);
}

/**
 * AEM = AES128-CTR(AEMK_i, IV = RPI_{i,j}, metadata) (spec §"Associated Encrypted Metadata"). The metadata is the
 * 4 bytes of the Bluetooth specification (see `encodeMetadata`); using the RPI as the IV ties the metadata to the
 * identifier it is broadcast with, so it can only be read once the TEK is published.
 *
 * @example encryptAssociatedMetadata(aemk, rpi, fromHex('40080000')) // 72033874 for the first vector interval
 */
export function encryptAssociatedMetadata(
  aemk: Uint8Array,
  rpi: Uint8Array,
  metadata: Uint8Array,
  backend: CryptoBackend = pureCryptoBackend,
): Uint8Array {
  assertBytes(aemk, 'aemk', AEMK_LENGTH);
  assertBytes(rpi, 'rpi', RPI_LENGTH);
  assertBytes(metadata, 'metadata', METADATA_LENGTH);
  return backend.aes128Ctr(aemk, rpi, metadata);
}

/**
 * The inverse of `encryptAssociatedMetadata` (CTR mode: the same operation). Called by matching once a sighting's
 * RPI is found in a published key, to read the sender's transmit power.
 *
 * @example decodeMetadata(decryptAssociatedMetadata(aemk, rpi, aem)).txPowerDbm
 */
export function decryptAssociatedMetadata(
  aemk: Uint8Array,
  rpi: Uint8Array,
  aem: Uint8Array,
  backend: CryptoBackend = pureCryptoBackend,
): Uint8Array {
  assertBytes(aemk, 'aemk', AEMK_LENGTH);
  assertBytes(rpi, 'rpi', RPI_LENGTH);
  assertBytes(aem, 'aem', METADATA_LENGTH);
  return backend.aes128Ctr(aemk, rpi, aem);
}
