/**
 * Per-model BLE calibration, as data. Columns follow Google's Exposure Notification calibration list
 * (en-calibration CSV: manufacturer, device, model, rssi_correction, tx), so that
 * attenuation = tx − (rssi + rssi_correction) is comparable across models. Sources (see SOURCE.md beside this file):
 *
 * - `en`: Google, Exposure Notifications BLE calibration list en-calibration-2020-12-14.csv (published with
 *   developers.google.com/android/exposure-notifications/ble-attenuation-computation), CC-BY-4.0, © Google.
 *   Values as reproduced by microG (microg/GmsCore, play-services-nearby DeviceInfo.kt, Apache-2.0 AND CC-BY-4.0).
 * - `opentrace`: mean advertising power measured 2 m away in an anechoic chamber, from
 *   opentrace-community/opentrace-calibration "Device Data.csv" (GPL-3.0; only the measured values are used, as
 *   facts, with this attribution). Those models have no `en` row; their tx is placed on the `en` scale by the offset
 *   of their measurement from the median of the eleven models that appear in both lists (OpenTrace −59.64 dBm ↔
 *   en tx −28 dBm), and rssi_correction is the `en` median (4 dB). Rounded to whole dB, like the `en` list.
 * - `herald`: fitted by packages/protocol/eval/herald.mjs on the Herald robot measurements
 *   (theheraldproject/herald-analysis, reference-data/rssi-raw-edison, Apache-2.0) for the phones of that data set
 *   that have no `en` row: tx and rssi_correction fitted jointly with the path-loss curve over all phone pairs, then
 *   shifted so that the Herald phones with an `en` row keep their published tx on average (one scale for the table).
 *   Apple rows from the two sources disagree by 10–15 dB: the radiated power depends on the app's advertising
 *   settings as much as on the phone, which is why a deployment should measure its own app.
 *
 * The subset: the phones of the Herald robot data set (evaluation), the phones measured by OpenTrace, and common
 * models sold in Vietnam in 2020–2021. Add rows from the full `en` list as needed.
 */
export interface ProximityDeviceCalibration {
  readonly manufacturer: string;
  /** Marketing name, e.g. "Galaxy A20". */
  readonly name: string;
  /** Build.MODEL on Android (e.g. "SM-A205F"), the marketing name on iOS. */
  readonly model: string;
  /** Calibrated radiated power (dBm) as advertised in the metadata. */
  readonly txPowerDbm: number;
  /** Offset (dB) added to this model's measured RSSI. */
  readonly rssiCorrectionDb: number;
  readonly source: 'en' | 'opentrace' | 'herald';
}

const row = (
  manufacturer: string,
  name: string,
  model: string,
  rssiCorrectionDb: number,
  txPowerDbm: number,
  source: 'en' | 'opentrace' | 'herald' = 'en',
): ProximityDeviceCalibration => Object.freeze({ manufacturer, name, model, txPowerDbm, rssiCorrectionDb, source });

// Ordered as in the source lists: manufacturer, then model. Arguments: rssi_correction, then tx (the CSV's order).
export const PROXIMITY_DEVICE_CALIBRATIONS: readonly ProximityDeviceCalibration[] = Object.freeze([
  row('Apple', 'iPhone 5S', 'iPhone 5S', 6, -12, 'herald'),
  row('Apple', 'iPhone 6', 'iPhone 6', 4, -27, 'opentrace'),
  row('Apple', 'iPhone 6 Plus', 'iPhone 6 Plus', 4, -11, 'herald'),
  row('Apple', 'iPhone 6S', 'iPhone 6S', 3, -11, 'herald'),
  row('Apple', 'iPhone 6S Plus', 'iPhone 6S Plus', -1, -9, 'herald'),
  row('Apple', 'iPhone 8 Plus', 'iPhone 8 Plus', -2, -10, 'herald'),
  row('Apple', 'iPhone X', 'iPhone X', 4, -22, 'opentrace'),
  row('Google', 'Pixel', 'Pixel', -3, -26),
  row('Google', 'Pixel 2', 'Pixel 2', 7, -33, 'herald'),
  row('Google', 'Pixel 3', 'Pixel 3', 5, -33),
  row('Google', 'Pixel 3a', 'Pixel 3a', 2, -29),
  row('Google', 'Pixel 3a XL', 'Pixel 3a XL', 2, -28),
  row('Google', 'Pixel 4', 'Pixel 4', 8, -30),
  row('Google', 'Pixel 4 XL', 'Pixel 4 XL', 7, -26),
  row('Google', 'Pixel 4a', 'Pixel 4a', 1, -30),
  row('Google', 'Pixel 5', 'Pixel 5', 5, -25),
  row('Google', 'Pixel XL', 'Pixel XL', -2, -26),
  row('Huawei', 'Mate 20 Pro', 'LYA-L29', 4, -39, 'opentrace'),
  row('Huawei', 'Nova 5T', 'YAL-L21', 4, -25, 'opentrace'),
  row('LG', 'Nexus 5X', 'Nexus 5X', -6, -25),
  row('OPPO', 'AX5s', 'CPH1909', 4, -26, 'opentrace'),
  row('OPPO', 'Realme 5', 'RMX1911', 4, -35, 'opentrace'),
  row('Samsung', 'Galaxy A10', 'SM-A105F', 3, -23),
  row('Samsung', 'Galaxy A10s', 'SM-A107F', 5, -30),
  row('Samsung', 'Galaxy A20', 'SM-A205F', 3, -26),
  row('Samsung', 'Galaxy A30', 'SM-A305F', 4, -23),
  row('Samsung', 'Galaxy A50', 'SM-A505F', 0, -20),
  row('Samsung', 'Galaxy A51', 'SM-A515F', 2, -28),
  row('Samsung', 'Galaxy A70', 'SM-A705FN', 5, -33),
  row('Samsung', 'Galaxy S8', 'SM-G950F', 12, -29),
  row('Samsung', 'Galaxy S9', 'SM-G960F', 8, -28),
  row('Samsung', 'Galaxy S9+', 'SM-G965F', 8, -27),
  row('Samsung', 'Galaxy S10', 'SM-G973F', 2, -29),
  row('Samsung', 'Galaxy S10+', 'SM-G975F', 1, -26),
  row('Samsung', 'Galaxy J6', 'SM-J600FN', 7, -24),
  row('Samsung', 'Galaxy Note 8', 'SM-N950F', 8, -24),
  row('Samsung', 'Galaxy Note 9', 'SM-N960F', 7, -28),
  row('Sony', 'Xperia XZ1', 'G8342', 9, -28),
  row('vivo', 'Y19', 'vivo 1915', 4, -28, 'opentrace'),
  row('Xiaomi', 'Mi A1', 'Mi A1', 1, -18),
  row('Xiaomi', 'Mi A2 Lite', 'Mi A2 Lite', 4, -21),
  row('Xiaomi', 'Mi Max 3', 'MI MAX 3', 3, -24),
  row('Xiaomi', 'Redmi 8A', 'Redmi 8A', 5, -30),
  row('Xiaomi', 'Redmi Note 7', 'Redmi Note 7', 5, -29),
  row('Xiaomi', 'Redmi Note 8', 'Redmi Note 8', 4, -19),
]);
