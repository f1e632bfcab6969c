import { ProtocolError } from '../errors.js';
import { EN_CALIBRATION_ROWS } from './device-calibration.en.data.js';
import { OPENTRACE_MEASUREMENTS, OPENTRACE_TO_EN_OFFSET_DB } from './device-calibration.opentrace.data.js';
import { IPHONE_IDENTIFIERS, SAMSUNG_NAMES_BY_CODE_BASE } from './device-names.data.js';

/** The two numbers that enter attenuation = txPower − (rssi + rssiCorrection) (Exposure Notification calibration). */
export interface ProximityCalibrationValues {
  readonly txPowerDbm: number;
  readonly rssiCorrectionDb: number;
}

/** One row of the calibration table. */
export interface ProximityDeviceCalibration extends ProximityCalibrationValues {
  readonly manufacturer: string;
  /** Marketing name when known ("Galaxy S10"), else the model. */
  readonly name: string;
  /** Build.MODEL on Android ("SM-G973F"), the marketing name on iOS. */
  readonly model: string;
  /** `en`: Google's Exposure Notification list; `opentrace`: OpenTrace's anechoic measurements (SOURCE.md). */
  readonly source: 'en' | 'opentrace';
}

/** high: the model itself; medium: its family (sister models of the same maker); low: its maker, or no match. */
export type ProximityCalibrationConfidence = 'high' | 'medium' | 'low';

export interface ResolvedProximityCalibration extends ProximityCalibrationValues {
  /** Which calibration was used, for people: "SM-G973F: Samsung Galaxy S10", "family iPhone: 2 Apple models". */
  readonly basis: string;
  readonly confidence: ProximityCalibrationConfidence;
}

// Makers as the lists spell them → one display name (Redmi is Xiaomi's; docomo and softbank sell Sony and ZTE).
const MAKERS: Readonly<Record<string, string>> = {
  asus: 'ASUS', blackberry: 'BlackBerry', blu: 'BLU', docomo: 'Sony', 'essential products': 'Essential', google: 'Google',
  htc: 'HTC', sprint: 'HTC', huawei: 'Huawei', lge: 'LG', lenovo: 'Lenovo', motorola: 'Motorola', nokia: 'Nokia',
  'nokia 5.1 plus': 'Nokia', oneplus: 'OnePlus', oppo: 'OPPO', redmi: 'Xiaomi', xiaomi: 'Xiaomi', samsung: 'Samsung',
  'sm-j415f': 'Samsung', sg: 'Sharp', sharp: 'Sharp', softbank: 'ZTE', zte: 'ZTE', sony: 'Sony', tcl: 'TCL',
  'tct (alcatel)': 'Alcatel', tecno: 'TECNO', vivo: 'vivo',
};
const makerName = (oem: string) => MAKERS[oem] ?? oem.charAt(0).toUpperCase() + oem.slice(1);

/** Maker names a model name may start with ("Samsung Galaxy S10"): they are dropped to look the model up. */
const MAKER_WORDS: Readonly<Record<string, string>> = {
  samsung: 'Samsung', apple: 'Apple', google: 'Google', xiaomi: 'Xiaomi', huawei: 'Huawei', honor: 'Huawei', oppo: 'OPPO',
  realme: 'realme', vivo: 'vivo', oneplus: 'OnePlus', motorola: 'Motorola', nokia: 'Nokia', sony: 'Sony', lge: 'LG',
  lg: 'LG', asus: 'ASUS', htc: 'HTC', zte: 'ZTE', alcatel: 'Alcatel', tcl: 'TCL', lenovo: 'Lenovo', tecno: 'TECNO',
  infinix: 'Infinix', itel: 'itel',
};
/** Model names that tell their maker without naming it: they are kept whole ("SM-G973F", "iPhone 8", "CPH1909"). */
const MAKER_MODEL_PATTERNS: readonly [RegExp, string][] = [
  [/^(?:galaxy|sm[a-z]\d)/, 'Samsung'], [/^iphone/, 'Apple'], [/^pixel/, 'Google'], [/^(?:redmi|poco|mi\d|mia\d|mimax)/, 'Xiaomi'],
  [/^cph\d/, 'OPPO'], [/^rmx\d/, 'realme'], [/^moto/, 'Motorola'], [/^(?:lm[a-z]\d|lg[a-z]\d)/, 'LG'], [/^xperia/, 'Sony'],
];

/** Case, spaces, hyphens, underscores and brackets do not matter; "+" is "plus": "Galaxy S9+" = "galaxy-s9 plus". */
function keyOf(text: string): string {
  return text.toLowerCase().replace(/\+/g, 'plus').replace(/[^a-z0-9,]/g, '');
}

/**
 * The keys a name is looked up by (as typed, and without a leading maker word, "samsunggalaxys10" → "galaxys10"),
 * and the maker the name reveals, if any.
 */
function keysOf(text: string): { keys: string[]; maker?: string } {
  const key = keyOf(text);
  const word = Object.keys(MAKER_WORDS).sort((a, b) => b.length - a.length).find((w) => key.startsWith(w) && key.length > w.length);
  // What is left must still name a model: "nokia71" → "71" or "htc10" → "10" would match anything.
  const stripped = word === undefined ? key : key.slice(word.length);
  const rest = /[a-z]/.test(stripped) && stripped.length >= 3 ? stripped : key;
  const maker = word !== undefined ? MAKER_WORDS[word] : MAKER_MODEL_PATTERNS.find(([pattern]) => pattern.test(key))?.[1];
  return { keys: rest === key ? [key] : [key, rest], maker: maker ?? MAKER_MODEL_PATTERNS.find(([pattern]) => pattern.test(rest))?.[1] };
}

/** A family is the letters before the first digit ("redminote8" → "redminote"), when there are at least three. */
function familyOf(key: string): string | undefined {
  const letters = /^[a-z]+/.exec(key)?.[0] ?? '';
  return letters.length >= 3 && letters.length < key.length ? letters : undefined;
}

function parseRows(): ProximityDeviceCalibration[] {
  const rows: ProximityDeviceCalibration[] = [];
  const samsungName = (model: string) => {
    const base = /^(?:SAMSUNG-)?(SM-[A-Z]\d{3})/.exec(model)?.[1];
    return base === undefined ? undefined : SAMSUNG_NAMES_BY_CODE_BASE[base];
  };
  for (const line of EN_CALIBRATION_ROWS.trim().split('\n')) {
    const [oem = '', , model = '', rssiCorrection = '', tx = ''] = line.split('|');
    const manufacturer = makerName(oem);
    const name = samsungName(model) ?? model;
    rows.push({ manufacturer, name, model, txPowerDbm: Number(tx), rssiCorrectionDb: Number(rssiCorrection), source: 'en' });
  }
  const enRssiCorrection = median(rows.map((r) => r.rssiCorrectionDb));
  for (const line of OPENTRACE_MEASUREMENTS.trim().split('\n')) {
    const [manufacturer = '', name = '', model = '', measured = ''] = line.split('|');
    const txPowerDbm = Math.round(Number(measured) - OPENTRACE_TO_EN_OFFSET_DB);
    rows.push({ manufacturer, name, model, txPowerDbm, rssiCorrectionDb: enRssiCorrection, source: 'opentrace' });
  }
  return rows.map((row) => Object.freeze(row));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The calibration table: every row of Google's Exposure Notification list (551 Android models) and OpenTrace's
 * measured models that list lacks (iPhones among them). Sources and licences: SOURCE.md beside this file.
 */
export const PROXIMITY_DEVICE_CALIBRATIONS: readonly ProximityDeviceCalibration[] = Object.freeze(parseRows());

/**
 * Values for a phone nothing is known of: the median of the Exposure Notification rows (tx −26 dBm, correction 4 dB).
 * An unknown phone is most likely an ordinary one, and the median keeps odd rows (tx −1 dBm, correction −29 dB) out.
 */
export const DEFAULT_PROXIMITY_CALIBRATION: ProximityCalibrationValues = Object.freeze({
  txPowerDbm: median(PROXIMITY_DEVICE_CALIBRATIONS.filter((d) => d.source === 'en').map((d) => d.txPowerDbm)),
  rssiCorrectionDb: median(PROXIMITY_DEVICE_CALIBRATIONS.filter((d) => d.source === 'en').map((d) => d.rssiCorrectionDb)),
});

// Look-up keys of every row: its model and its name, each as written and without a leading maker word.
const byKey = new Map<string, ProximityDeviceCalibration[]>();
const rowKeys = new Map<ProximityDeviceCalibration, string[]>();
for (const row of PROXIMITY_DEVICE_CALIBRATIONS) {
  const keys = [...new Set([row.model, row.name].flatMap((t) => keysOf(t).keys))];
  rowKeys.set(row, keys);
  for (const key of keys) byKey.set(key, [...(byKey.get(key) ?? []), row]);
}
const iphoneByIdentifier = new Map(
  Object.entries(IPHONE_IDENTIFIERS).flatMap(([name, ids]) => ids.map((id) => [keyOf(id), name] as const)),
);
const samsungBaseByName = new Map(Object.entries(SAMSUNG_NAMES_BY_CODE_BASE).map(([base, name]) => [keyOf(name), keyOf(base)]));

/**
 * The table row of a model, by Build.MODEL, marketing name or iOS identifier, with or without the maker
 * ("SM-G973F", "Galaxy S10", "samsung galaxy s10", "iPhone10,3" = "iPhone X"); undefined when the table lacks it.
 *
 * @example findProximityDeviceCalibration('Galaxy A20')?.model // 'SM-A205F'
 */
export function findProximityDeviceCalibration(name: string): ProximityDeviceCalibration | undefined {
  if (typeof name !== 'string') throw new ProtocolError('invalid_argument', 'device model name must be a string');
  return exactRows(name)?.[0];
}

function exactRows(name: string): ProximityDeviceCalibration[] | undefined {
  const key = keyOf(name);
  const iphone = iphoneByIdentifier.get(key);
  for (const k of [...keysOf(name).keys, ...(iphone ? [keyOf(iphone)] : [])]) {
    const rows = byKey.get(k);
    if (rows !== undefined) return rows;
  }
  return undefined;
}

const average = (rows: readonly ProximityDeviceCalibration[]): ProximityCalibrationValues => ({
  txPowerDbm: Math.round((rows.reduce((s, r) => s + r.txPowerDbm, 0) / rows.length) * 10) / 10,
  rssiCorrectionDb: Math.round((rows.reduce((s, r) => s + r.rssiCorrectionDb, 0) / rows.length) * 10) / 10,
});
const models = (n: number) => `${n} model${n === 1 ? '' : 's'}`;

/**
 * The calibration to use for a phone, whatever name it reports; never fails. In steps, as the Exposure Notification
 * framework falls back for phones missing from its list (microG DeviceInfo.kt: exact, then sister devices, then the
 * maker's average, then all devices):
 * 1. the model itself (Build.MODEL, marketing name, iOS identifier): confidence high;
 * 2. its family, the maker's sister models: Samsung's regional variants (SM-G973U → SM-G973*), then the generation
 *    (SM-G97*), then the series (SM-A*); otherwise the letters before the first digit ("Redmi Note 9" → Redmi Note*,
 *    "iPhone 8" → iPhone*): medium;
 * 3. the maker's average (when the name starts with a maker or a maker's model prefix), then the table's default: low.
 *
 * @example resolveProximityCalibration('iPhone 8') // { basis: 'family iPhone: 2 Apple models', confidence: 'medium', … }
 */
export function resolveProximityCalibration(name: string | undefined): ResolvedProximityCalibration {
  if (name !== undefined && typeof name !== 'string') {
    throw new ProtocolError('invalid_argument', 'device model name must be a string');
  }
  const fallback: ResolvedProximityCalibration = {
    ...DEFAULT_PROXIMITY_CALIBRATION,
    basis: `default: median of ${models(PROXIMITY_DEVICE_CALIBRATIONS.filter((d) => d.source === 'en').length)}`,
    confidence: 'low',
  };
  const text = (name ?? '').trim();
  const key = keyOf(text);
  if (key === '') return fallback;

  const exact = exactRows(text);
  if (exact !== undefined) {
    const row = exact[0] as ProximityDeviceCalibration;
    const label = row.name === row.model ? `${row.manufacturer} ${row.name}` : `${row.manufacturer} ${row.name} (${row.model})`;
    return { ...average(exact), basis: `${text}: ${label}`, confidence: 'high' };
  }

  const iphone = iphoneByIdentifier.get(key);
  const { keys, maker: namedMaker } = keysOf(iphone ?? text);
  const family = familyRows(keys, namedMaker);
  if (family !== undefined) {
    const maker = family.rows[0]?.manufacturer ?? namedMaker;
    return { ...average(family.rows), basis: `family ${family.label}: ${models(family.rows.length)} of ${maker}`, confidence: 'medium' };
  }
  if (namedMaker !== undefined) {
    const rows = PROXIMITY_DEVICE_CALIBRATIONS.filter((r) => r.manufacturer === namedMaker);
    if (rows.length > 0) return { ...average(rows), basis: `${namedMaker}: average of ${models(rows.length)}`, confidence: 'low' };
  }
  return fallback;
}

/** Sister models of a name's keys, nearest family first, with a label for people; undefined when none. */
function familyRows(keys: readonly string[], maker: string | undefined): { rows: ProximityDeviceCalibration[]; label: string } | undefined {
  const ofMaker = PROXIMITY_DEVICE_CALIBRATIONS.filter((r) => maker === undefined || r.manufacturer === maker);
  const where = (test: (rowKey: string) => boolean) => ofMaker.filter((r) => (rowKeys.get(r) ?? []).some(test));
  // Samsung model codes, also reached from a marketing name ("Galaxy S21" → SM-G991): first the regional variants of
  // the same model (SM-G973F, SM-G973U…). Nearer digits mean nothing more: SM-A520 is the A5 (2017), SM-A525 the A52.
  for (const key of keys) {
    const base = /^sm[a-z]\d{3}/.exec(key)?.[0] ?? samsungBaseByName.get(key);
    if (base === undefined) continue;
    const rows = where((k) => k.startsWith(base));
    if (rows.length > 0) return { rows, label: `SM-${base.slice(2).toUpperCase()}*` };
  }
  if (maker === 'Apple') {
    const rows = PROXIMITY_DEVICE_CALIBRATIONS.filter((r) => r.manufacturer === 'Apple');
    return rows.length > 0 ? { rows, label: 'iPhone*' } : undefined;
  }
  const families = new Set(keys.map(familyOf).filter((f): f is string => f !== undefined));
  const inFamily = (key: string) => families.has(familyOf(key) ?? '');
  const rows = where(inFamily);
  if (rows.length === 0) return undefined;
  // Named after a member as people write it: "Redmi Note 7" → "Redmi Note*", "SM-A105F" → "SM-A*".
  const member = rows.find((r) => inFamily(keyOf(r.name))) ?? (rows[0] as ProximityDeviceCalibration);
  const written = inFamily(keyOf(member.name)) ? member.name : member.model;
  return { rows, label: `${written.replace(/\d.*$/, '').replace(/[^A-Za-z]+$/, '')}*` };
}
