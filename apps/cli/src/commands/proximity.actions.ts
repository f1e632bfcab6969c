// The work of `bluezone proximity …`, loaded only when one of them runs (see proximity.ts for the options).
import { readFileSync } from 'node:fs';
import {
  classifyCloseContact,
  DEFAULT_PROXIMITY_CALIBRATION,
  findProximityDeviceCalibration,
  isValidProximityRssi,
  PROXIMITY_DEVICE_CALIBRATIONS,
  type ProximityCalibrationValues,
  type ProximityReading,
} from '@bluezone/protocol';
import { CliError, type CliIo } from '../io.js';

export interface ClassifyOptions {
  readings: string;
  rxModel?: string;
  txModel?: string;
  maxDistance: number;
  minMinutes: number;
}

/** `bluezone proximity classify`: one JSON object for one series of readings. */
export function classify(io: CliIo, options: ClassifyOptions): void {
  const receiver = calibrationFor(options.rxModel);
  const sender = calibrationFor(options.txModel);
  const readings = readReadingsCsv(options.readings);
  const result = classifyCloseContact(readings, {
    receiver,
    sender,
    maxDistanceM: options.maxDistance,
    minCloseMinutes: options.minMinutes,
  });
  io.out(
    `${JSON.stringify({
      readings: result.readings,
      durationMinutes: result.durationMinutes,
      estimatedDistanceMedianM: Math.round(result.estimatedDistanceMedianM * 100) / 100,
      closeMinutes: result.closeMinutes,
      closeContact: result.closeContact,
    })}\n`,
  );
}

/** `bluezone proximity models`: the calibration table, tab-separated, the default last. */
export function listModels(io: CliIo): void {
  io.out('model\tname\tmanufacturer\ttx_power_dbm\trssi_correction_db\tsource\n');
  for (const d of PROXIMITY_DEVICE_CALIBRATIONS) {
    io.out(`${d.model}\t${d.name}\t${d.manufacturer}\t${d.txPowerDbm}\t${d.rssiCorrectionDb}\t${d.source}\n`);
  }
  const { txPowerDbm, rssiCorrectionDb } = DEFAULT_PROXIMITY_CALIBRATION;
  io.out(`(default)\tany other model\t\t${txPowerDbm}\t${rssiCorrectionDb}\tmedian of en rows\n`);
}

function calibrationFor(name: string | undefined): ProximityCalibrationValues {
  if (name === undefined) return DEFAULT_PROXIMITY_CALIBRATION;
  const found = findProximityDeviceCalibration(name);
  if (found === undefined) {
    throw new CliError(`unknown device model "${name}" (run "bluezone proximity models" to list the known models)`);
  }
  return found;
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

/** Reads and checks the readings CSV; every problem names the file and the line. */
export function readReadingsCsv(path: string): ProximityReading[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read readings file ${path}: ${code === 'ENOENT' ? 'no such file' : String(code ?? error)}`);
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((name) => name.trim().toLowerCase());
  const column = (name: string) => header.indexOf(name);
  const [timestampAt, rssiAt, txPowerAt] = [column('timestamp'), column('rssi'), column('tx_power')];
  const missing = [timestampAt < 0 ? 'timestamp' : '', rssiAt < 0 ? 'rssi' : ''].filter((name) => name !== '');
  if (missing.length > 0) {
    throw new CliError(`${path}: missing column(s) ${missing.join(', ')} in the header (need timestamp,rssi[,tx_power])`);
  }
  const readings: ProximityReading[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    const cells = line.split(',').map((cell) => cell.trim());
    const where = `${path} line ${i + 1}`;
    if (cells.length < header.length) throw new CliError(`${where}: expected ${header.length} fields, got ${cells.length}`);
    const timestampText = cells[timestampAt] as string;
    const timestampS = parseTimestamp(timestampText);
    if (timestampS === undefined) {
      throw new CliError(`${where}: timestamp "${timestampText}" is neither ISO-8601 nor unix seconds`);
    }
    const rssiText = cells[rssiAt] as string;
    const rssi = Number(rssiText);
    if (!DECIMAL.test(rssiText) || !Number.isFinite(rssi)) throw new CliError(`${where}: rssi "${rssiText}" is not a number`);
    if (rssi !== 127 && rssi !== 0 && !isValidProximityRssi(rssi)) {
      throw new CliError(`${where}: rssi ${rssi} dBm is out of range (-127..20; 127 and 0 mean no reading)`);
    }
    const txText = txPowerAt >= 0 ? (cells[txPowerAt] as string) : '';
    let txPowerDbm: number | undefined;
    if (txText !== '') {
      txPowerDbm = Number(txText);
      if (!DECIMAL.test(txText) || !Number.isFinite(txPowerDbm) || txPowerDbm < -127 || txPowerDbm > 127) {
        throw new CliError(`${where}: tx_power "${txText}" is not a number in -127..127 dBm`);
      }
    }
    readings.push(txPowerDbm === undefined ? { timestampS, rssi } : { timestampS, rssi, txPowerDbm });
  }
  if (readings.length === 0) throw new CliError(`${path}: no readings (only a header)`);
  if (!readings.some((r) => isValidProximityRssi(r.rssi))) {
    throw new CliError(`${path}: no valid readings (every rssi is 127 or 0, which mean no reading)`);
  }
  return readings;
}
