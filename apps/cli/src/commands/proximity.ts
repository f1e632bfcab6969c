import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { nonNegativeNumber, positiveNumber } from '../option-values.js';
import type { ClassifyOptions } from './proximity.actions.js';

// Options only here: the protocol loads when a command runs (proximity.actions.ts), so start-up costs little.
const actions = () => import('./proximity.actions.js');

const OUTPUT = `
Output, one JSON object per series:
  {"readings":N,"durationMinutes":N,"estimatedDistanceMedianM":N,"closeMinutes":N,"closeContact":true|false,
   "weightedMinutes":N,"attenuationMedianDb":N,"calibration":{"rx":"…","tx":"…","confidence":"high|medium|low"}}
With --readings-dir or --jsonl each line starts with "series" (the file name, or the line's "series" or number);
a series that cannot be read prints {"series":…,"error":{"code","message"}}, the others go on, and the exit code
is 1. Error codes: unreadable_file, invalid_series, no_valid_readings.

--jsonl lines: {"series"?:"…","rxModel"?:"…","txModel"?:"…","readings":[{"timestamp":…,"rssi":…,"txPower"?:…}]}
Any model name is accepted: an unknown one gets its family's, its maker's or the default calibration, as "calibration"
says. closeContact is weightedMinutes ≥ --min-minutes, minutes within --max-distance counting 1 and minutes up to
1.5 × it counting ½, the rule of the "bluezone" risk preset.`;

/**
 * `bluezone proximity classify` judges series of RSSI readings of one other phone by the proximity rule
 * (packages/protocol/src/proximity/rule.ts), one series from a file or many in one process; `bluezone proximity
 * models` lists the calibration table.
 */
export function registerProximityCommands(program: Command, io: CliIo): void {
  const proximity = program.command('proximity').description('RSSI to distance, and the close-contact decision');

  proximity
    .command('classify')
    .description('decide from RSSI readings (timestamp,rssi[,tx_power]) whether a contact was close')
    .option('--readings <file>', 'one series: CSV with a header: timestamp (ISO-8601 or unix seconds), rssi (dBm), optional tx_power (dBm)')
    .option('--readings-dir <dir>', 'many series: every .csv file of the directory, one JSON line each')
    .option('--jsonl <file>', 'many series: JSON lines, one series a line ("-" reads standard input)')
    .option('--rx-model <name>', 'model of the phone that received, as it reports it (e.g. SM-G973F, iPhone 8, iPhone10,1)')
    .option('--tx-model <name>', 'model of the phone that sent, used when the readings carry no tx_power')
    .option('--max-distance <metres>', 'close means within this distance', positiveNumber, 2)
    .option('--min-minutes <minutes>', 'close contact needs at least this many weighted close minutes', nonNegativeNumber, 15)
    .addHelpText('after', OUTPUT)
    .action(async (options: ClassifyOptions) => (await actions()).classify(io, options));

  proximity
    .command('models')
    .description('list the phone models of the calibration table (tab-separated)')
    .action(async () => (await actions()).listModels(io));
}
