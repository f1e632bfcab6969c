import { readFileSync } from 'node:fs';
import { isValidProximityRssi, type ProximityReading } from '@bluezone/protocol/proximity';
import { CliError } from '../io.js';

/**
 * Reading the series `bluezone proximity classify` judges, from a CSV file (`timestamp,rssi[,tx_power]`) or from one
 * JSON object of a JSON-lines input. Every problem names where it is (file and line) and ends the series, not the
 * batch: a SeriesError carries a snake_case code for the batch output.
 */
export class SeriesError extends CliError {
  readonly code: 'unreadable_file' | 'invalid_series' | 'no_valid_readings';
  constructor(code: SeriesError['code'], message: string) {
    super(message);
    this.name = 'SeriesError';
    this.code = code;
  }
}

// ISO-8601 date-time; without a zone it is read as UTC so that the result does not depend on the machine.
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?(Z|[+-]\d{2}:?\d{2})?$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function parseTimestamp(text: string): number | undefined {
  if (DECIMAL.test(text)) return Number(text);
  const match = ISO_DATE_TIME.exec(text);
  if (match === null) return undefined;
  const [, date, time = '00:00', zone = 'Z'] = match;
  const ms = Date.parse(`${date}T${time}${zone}`);
  return Number.isFinite(ms) ? ms / 1000 : undefined;
}

/** One reading from its three fields as text; `where` says where they came from. */
function reading(where: string, timestampText: string, rssiText: string, txText: string): ProximityReading {
  const invalid = (message: string) => new SeriesError('invalid_series', `${where}: ${message}`);
  const timestampS = parseTimestamp(timestampText);
  if (timestampS === undefined) throw invalid(`timestamp "${timestampText}" is neither ISO-8601 nor unix seconds`);
  const rssi = Number(rssiText);
  if (!DECIMAL.test(rssiText) || !Number.isFinite(rssi)) throw invalid(`rssi "${rssiText}" is not a number`);
  if (rssi !== 127 && rssi !== 0 && !isValidProximityRssi(rssi)) {
    throw invalid(`rssi ${rssi} dBm is out of range (-127..20; 127 and 0 mean no reading)`);
  }
  if (txText === '') return { timestampS, rssi };
  const txPowerDbm = Number(txText);
  if (!DECIMAL.test(txText) || !Number.isFinite(txPowerDbm) || txPowerDbm < -127 || txPowerDbm > 127) {
    throw invalid(`tx_power "${txText}" is not a number in -127..127 dBm`);
  }
  return { timestampS, rssi, txPowerDbm };
}

function checkSeries(name: string, readings: ProximityReading[]): ProximityReading[] {
  if (readings.length === 0) throw new SeriesError('no_valid_readings', `${name}: no readings`);
  if (!readings.some((r) => isValidProximityRssi(r.rssi))) {
    throw new SeriesError('no_valid_readings', `${name}: no valid readings (every rssi is 127 or 0, which mean no reading)`);
  }
  return readings;
}

/** Reads and checks a readings CSV with a header naming timestamp, rssi and optionally tx_power, in any order. */
export function readReadingsCsv(path: string): ProximityReading[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SeriesError('unreadable_file', `cannot read readings file ${path}: ${code === 'ENOENT' ? 'no such file' : String(code ?? error)}`);
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((name) => name.trim().toLowerCase());
  const column = (name: string) => header.indexOf(name);
  const [timestampAt, rssiAt, txPowerAt] = [column('timestamp'), column('rssi'), column('tx_power')];
  const missing = [timestampAt < 0 ? 'timestamp' : '', rssiAt < 0 ? 'rssi' : ''].filter((name) => name !== '');
  if (missing.length > 0) {
    throw new SeriesError('invalid_series', `${path}: missing column(s) ${missing.join(', ')} in the header (need timestamp,rssi[,tx_power])`);
  }
  const readings: ProximityReading[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    const cells = line.split(',').map((cell) => cell.trim());
    const where = `${path} line ${i + 1}`;
    if (cells.length < header.length) throw new SeriesError('invalid_series', `${where}: expected ${header.length} fields, got ${cells.length}`);
    readings.push(reading(where, cells[timestampAt] as string, cells[rssiAt] as string, txPowerAt >= 0 ? (cells[txPowerAt] as string) : ''));
  }
  return checkSeries(path, readings);
}

/** One series of a JSON-lines input: `{"series"?, "rxModel"?, "txModel"?, "readings": [{"timestamp", "rssi", "txPower"?}]}`. */
export interface JsonSeries {
  series?: string;
  rxModel?: string;
  txModel?: string;
  readings: ProximityReading[];
}

/** Parses and checks one line of a JSON-lines input; `where` is e.g. "stdin line 3". */
export function parseJsonSeries(line: string, where: string): JsonSeries {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new SeriesError('invalid_series', `${where}: not JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SeriesError('invalid_series', `${where}: must be an object with "readings"`);
  }
  const { series, rxModel, txModel, readings } = value as Record<string, unknown>;
  for (const [field, v] of [['series', series], ['rxModel', rxModel], ['txModel', txModel]] as const) {
    if (v !== undefined && typeof v !== 'string') throw new SeriesError('invalid_series', `${where}: "${field}" must be a string`);
  }
  if (!Array.isArray(readings)) throw new SeriesError('invalid_series', `${where}: "readings" must be an array`);
  const text = (v: unknown) => (typeof v === 'number' || typeof v === 'string' ? String(v) : v === undefined || v === null ? '' : '?');
  const parsed = readings.map((r: unknown, i) => {
    if (typeof r !== 'object' || r === null) throw new SeriesError('invalid_series', `${where}: readings[${i}] must be an object`);
    const { timestamp, rssi, txPower } = r as Record<string, unknown>;
    return reading(`${where} readings[${i}]`, text(timestamp), text(rssi), text(txPower));
  });
  return {
    ...(series === undefined ? {} : { series: series as string }),
    ...(rxModel === undefined ? {} : { rxModel: rxModel as string }),
    ...(txModel === undefined ? {} : { txModel: txModel as string }),
    readings: checkSeries(where, parsed),
  };
}
