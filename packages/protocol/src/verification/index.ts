// The verification certificate's HMAC over the keys a phone will upload.
export {
  type HmacExposureKey,
  type ExposureKeyHmacOptions,
  exposureKeyHmacMessage,
  calculateExposureKeyHmac,
} from './exposure-key-hmac.js';
