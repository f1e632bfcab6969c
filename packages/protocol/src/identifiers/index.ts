// Exposure Notification cryptography v1.2: keys, identifiers, metadata, and the backends that compute them.
export {
  type CryptoBackend,
  pureCryptoBackend,
  HKDF_SHA256_MAX_LENGTH,
} from './crypto-backend.js';
export { INTERVAL_SECONDS, TEK_ROLLING_PERIOD, intervalNumber, rollingStartIntervalNumber } from './interval.js';
export { TEK_LENGTH, generateTemporaryExposureKey } from './tek.js';
export {
  RPI_LENGTH,
  deriveRollingProximityIdentifierKey,
  deriveRollingProximityIdentifier,
  deriveRollingProximityIdentifiers,
} from './rpi.js';
export {
  AEMK_LENGTH,
  deriveAssociatedEncryptedMetadataKey,
  encryptAssociatedMetadata,
  decryptAssociatedMetadata,
} from './aem.js';
export { METADATA_LENGTH, type BleMetadata, encodeMetadata, decodeMetadata } from './metadata.js';
