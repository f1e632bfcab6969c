// The work of `bluezone proximity …`, loaded only when one of them runs (see proximity.ts for the options).
import { createReadStream, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  classifyCloseContact,
  DEFAULT_PROXIMITY_CALIBRATION,
  PROXIMITY_DEVICE_CALIBRATIONS,
  resolveProximityCalibration,
  type ProximityCalibrationConfidence,
  type ProximityReading,
} from '@bluezone/protocol/proximity';
import { CliError, UsageError, type CliIo } from '../io.js';
import { parseJsonSeries, readReadingsCsv, SeriesError } from './proximity-readings.js';

export interface ClassifyOptions {
  readings?: string;
  readingsDir?: string;
  jsonl?: string;
  rxModel?: string;
  txModel?: string;
  maxDistance: number;
  minMinutes: number;
}

const CONFIDENCE_ORDER: readonly ProximityCalibrationConfidence[] = ['low', 'medium', 'high'];
const lowest = (a: ProximityCalibrationConfidence, b: ProximityCalibrationConfidence) =>
  CONFIDENCE_ORDER.indexOf(a) <= CONFIDENCE_ORDER.indexOf(b) ? a : b;

/** The verdict on one series, as the JSON object printed for it (key order is part of the interface). */
function verdict(readings: ProximityReading[], rxModel: string | undefined, txModel: string | undefined, options: ClassifyOptions) {
  const receiver = resolveProximityCalibration(rxModel);
  const sender = resolveProximityCalibration(txModel);
  const result = classifyCloseContact(readings, {
    receiver,
    sender,
    maxDistanceM: options.maxDistance,
    minCloseMinutes: options.minMinutes,
  });
  // A tx power in the readings (the sender's own advertised calibration) wins over any guess from its model.
  const advertised = readings.filter((r) => r.txPowerDbm !== undefined).length;
  const tx =
    advertised === readings.length
      ? { basis: 'tx power advertised in the readings', confidence: 'high' as const }
      : advertised > 0
        ? { basis: `tx power advertised in ${advertised} of ${readings.length} readings, else ${sender.basis}`, confidence: sender.confidence }
        : sender;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    readings: result.readings,
    durationMinutes: result.durationMinutes,
    estimatedDistanceMedianM: round(result.estimatedDistanceMedianM),
    closeMinutes: result.closeMinutes,
    closeContact: result.closeContact,
    weightedMinutes: round(result.weightedMinutes),
    attenuationMedianDb: round(result.attenuationMedianDb),
    calibration: { rx: receiver.basis, tx: tx.basis, confidence: lowest(receiver.confidence, tx.confidence) },
  };
}

/**
 * `bluezone proximity classify`: one JSON object for `--readings FILE`; with `--readings-dir DIR` or `--jsonl FILE|-`,
 * one JSON line per series, each starting with "series", in one process. In a batch a bad series prints
 * `{"series","error":{"code","message"}}` and the others go on; the exit code is then 1.
 */
export async function classify(io: CliIo, options: ClassifyOptions): Promise<void> {
  const sources = [options.readings, options.readingsDir, options.jsonl].filter((s) => s !== undefined);
  if (sources.length !== 1) throw new UsageError('give exactly one of --readings FILE, --readings-dir DIR or --jsonl FILE|-');
  if (options.readings !== undefined) {
    io.out(`${JSON.stringify(verdict(readReadingsCsv(options.readings), options.rxModel, options.txModel, options))}\n`);
    return;
  }
  let failed = 0;
  let total = 0;
  /** Prints the verdict of one series, or its error under `fallbackName` when it has no name of its own yet. */
  const one = (fallbackName: string, judge: () => { series: string; result: object }) => {
    total++;
    try {
      const { series, result } = judge();
      io.out(`${JSON.stringify({ series, ...result })}\n`);
    } catch (error) {
      if (!(error instanceof SeriesError)) throw error;
      failed++;
      io.out(`${JSON.stringify({ series: fallbackName, error: { code: error.code, message: error.message } })}\n`);
    }
  };
  if (options.readingsDir !== undefined) {
    const dir = options.readingsDir;
    for (const file of csvFilesIn(dir)) {
      one(file, () => ({ series: file, result: verdict(readReadingsCsv(join(dir, file)), options.rxModel, options.txModel, options) }));
    }
  } else {
    const source = options.jsonl as string;
    let lineNumber = 0;
    for await (const line of jsonLines(io, source)) {
      lineNumber++;
      if (line.trim() === '') continue;
      const where = `${source === '-' ? 'stdin' : source} line ${lineNumber}`;
      one(String(lineNumber), () => {
        const parsed = parseJsonSeries(line, where);
        const series = parsed.series ?? String(lineNumber);
        return { series, result: verdict(parsed.readings, parsed.rxModel ?? options.rxModel, parsed.txModel ?? options.txModel, options) };
      });
    }
  }
  if (failed > 0) throw new CliError(`${failed} of ${total} series could not be classified`);
}

function csvFilesIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read directory ${dir}: ${code === 'ENOENT' ? 'no such directory' : String(code ?? error)}`);
  }
  const files = names.filter((n) => n.toLowerCase().endsWith('.csv')).sort();
  if (files.length === 0) throw new CliError(`${dir}: no .csv files`);
  return files;
}

function jsonLines(io: CliIo, source: string): AsyncIterable<string> {
  const input: NodeJS.ReadableStream = source === '-' ? io.stdin() : createReadStream(source, 'utf8');
  const lines = createInterface({ input, crlfDelay: Infinity });
  return (async function* () {
    try {
      yield* lines;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new CliError(`cannot read ${source}: ${code === 'ENOENT' ? 'no such file' : String(code ?? error)}`);
    }
  })();
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
