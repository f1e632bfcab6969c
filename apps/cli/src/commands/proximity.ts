import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { nonNegativeNumber, positiveNumber } from '../option-values.js';
import type { ClassifyOptions } from './proximity.actions.js';

/**
 * `bluezone proximity classify` reads a CSV of sightings of one other phone and prints one JSON object:
 *   {"readings":N,"durationMinutes":N,"estimatedDistanceMedianM":N,"closeMinutes":N,"closeContact":true|false}
 * The decision rules are those of classifyCloseContact (packages/protocol/src/proximity/close-contact.ts).
 * `bluezone proximity models` lists the calibration table. Options only here: the protocol loads when a command
 * runs (proximity.actions.ts), so start-up costs little.
 */
const actions = () => import('./proximity.actions.js');

export function registerProximityCommands(program: Command, io: CliIo): void {
  const proximity = program.command('proximity').description('RSSI to distance, and the close-contact decision');

  proximity
    .command('classify')
    .description('decide from a CSV of RSSI readings (timestamp,rssi[,tx_power]) whether a contact was close')
    .requiredOption('--readings <file>', 'CSV with a header: timestamp (ISO-8601 or unix seconds), rssi (dBm), optional tx_power (dBm)')
    .option('--rx-model <name>', 'model of the phone that received (see `bluezone proximity models`)')
    .option('--tx-model <name>', 'model of the phone that sent, when the CSV has no tx_power')
    .option('--max-distance <metres>', 'close means within this distance', positiveNumber, 2)
    .option('--min-minutes <minutes>', 'close contact needs at least this many close minutes', nonNegativeNumber, 15)
    .action(async (options: ClassifyOptions) => (await actions()).classify(io, options));

  proximity
    .command('models')
    .description('list the phone models of the calibration table (tab-separated)')
    .action(async () => (await actions()).listModels(io));
}
