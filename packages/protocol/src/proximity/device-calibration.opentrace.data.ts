/**
 * OpenTrace's anechoic-chamber measurements (opentrace-community/opentrace-calibration, "Device Data.csv", GPL-3.0;
 * only the measured values are used, as facts, with this attribution): the mean RSSI one reference receiver measured
 * 2 m from each phone advertising with the OpenTrace app, i.e. how loud each model transmits.
 *
 * Only models without an `en` row are listed. Their tx is put on the Exposure Notification scale by the median offset
 * between the two lists over the ten models measured by both (OpenTrace average − en tx: median −34.2 dB, spread −46
 * to −30 dB, so a row here is good to about ±6 dB); their rssi_correction is the en median (4 dB), since OpenTrace
 * measured transmitters only. Columns: manufacturer | name | model | measured average at 2 m (dBm).
 */
export const OPENTRACE_MEASUREMENTS = `
Apple|iPhone X|iPhone X|-53.84
Apple|iPhone 6|iPhone 6|-59.06
Huawei|Mate 20 Pro|LYA-L29|-70.56
Huawei|Nova 5T|YAL-L21|-56.79
OPPO|A5s|CPH1909|-57.51
realme|realme 5|RMX1911|-66.74
vivo|Y19|vivo 1915|-59.9
Samsung|Galaxy Note 10+|SM-N975F|-49.9
Samsung|Galaxy A70|SM-A705MN|-61.78
Xiaomi|Pocophone F1|Pocophone F1|-55.72
`;

/** OpenTrace average − en tx, median over SM-N960F, SM-G950F, SM-G975F, G8342, Mi A1, Pixel 3a XL, Mi A2 Lite, Nexus 5X, SM-A107F, MI MAX 3. */
export const OPENTRACE_TO_EN_OFFSET_DB = -34.2;
