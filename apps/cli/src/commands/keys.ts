import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { hexOfBytes, integerIn } from '../option-values.js';
import type { DeriveOptions } from './keys.actions.js';

// Options only: the protocol, its Node backend and the server load when a command runs, so `--help` stays instant.
const actions = () => import('./keys.actions.js');

/**
 * Metadata used when --metadata is not given: version 1.0, transmit power 0 dBm, calibration confidence 0
 * (EN Bluetooth Specification v1.2 metadata layout, see encodeMetadata).
 */
export const DEFAULT_KEYS_METADATA_HEX = '40000000';
/** Most intervals one `keys derive` prints: about a week, enough for any key plus drift, small enough for a pipe. */
export const MAX_DERIVE_COUNT = 1000;
/** Interval numbers are uint32 (EN crypto v1.2, ENIntervalNumber). */
export const MAX_INTERVAL = 2 ** 32 - 1;
/** A key's day: the protocol's TEK_ROLLING_PERIOD, written here so help needs no protocol (a test checks they agree). */
export const KEY_ROLLING_PERIOD = 144;

export function registerKeysCommands(program: Command, io: CliIo): void {
  const keys = program.command('keys').description('Exposure Notification keys and identifiers (EN crypto v1.2)');

  keys
    .command('derive')
    .description('print the RPI and AEM of a TEK for consecutive intervals, one JSON line each')
    .requiredOption('--tek <hex>', 'temporary exposure key, 16 bytes of hex', hexOfBytes(16))
    .requiredOption('--interval <n>', 'first interval number (unix seconds / 600), 0 to 4294967295', integerIn(0, MAX_INTERVAL))
    .option('--count <n>', `number of intervals, 1 to ${MAX_DERIVE_COUNT}`, integerIn(1, MAX_DERIVE_COUNT), KEY_ROLLING_PERIOD)
    .option(
      '--metadata <hex>',
      'clear BLE metadata, 4 bytes of hex (byte 0 version, byte 1 tx power dBm); default: version 1.0, 0 dBm',
      hexOfBytes(4),
      DEFAULT_KEYS_METADATA_HEX,
    )
    .addHelpText('after', '\nOutput: {"interval":N,"rpi":"<32 hex>","aem":"<8 hex>"} per line.')
    .action(async (options: DeriveOptions) => (await actions()).derive(io, options));

  keys
    .command('generate')
    .description('print a fresh random TEK and its rolling start interval number, as one JSON line')
    .option('--time <unixSeconds>', 'the moment the key is for (default: now)', integerIn(0, 2 ** 32 * 600 - 1))
    .addHelpText('after', '\nOutput: {"tek":"<32 hex>","rollingStartIntervalNumber":N,"rollingPeriod":144}')
    .action(async (options: { time?: number }) => (await actions()).generate(io, options));

  keys
    .command('rotate')
    .description('make a new active export signing key; the previous one stays published for the overlap')
    .addHelpText('after', '\nOutput: {"keyId","version","algorithm","publicKeyPem"} of the new key, one JSON line.')
    .action(async () => (await actions()).rotate(io));
}
