// The radio payload: our service UUID, the 20-byte service data and the 31-byte legacy advertisement.
export { BLUEZONE_SERVICE_UUID16, BLUEZONE_SERVICE_UUID128, BLUEZONE_PAYLOAD_CHARACTERISTIC_UUID128 } from './service-uuid.js';
export {
  BLE_SERVICE_DATA_LENGTH,
  BLE_LEGACY_ADVERTISEMENT_LENGTH,
  BLE_MAX_SCAN_RECORD_LENGTH,
  BLE_DEFAULT_ADVERTISING_FLAGS,
  type BleServiceData,
  type BleAdvertisement,
  type BleAdvertisementOptions,
  encodeBleServiceData,
  decodeBleServiceData,
  encodeBleAdvertisement,
  decodeBleAdvertisement,
} from './advertisement.js';
