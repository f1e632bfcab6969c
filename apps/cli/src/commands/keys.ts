import type { Command } from 'commander';
import {
  TEK_ROLLING_PERIOD,
  deriveAssociatedEncryptedMetadataKey,
  deriveRollingProximityIdentifierKey,
  deriveRollingProximityIdentifiers,
  encryptAssociatedMetadata,
  fromHex,
  generateTemporaryExposureKey,
  rollingStartIntervalNumber,
  toHex,
} from '@bluezone/protocol';
import { nodeCryptoBackend } from '@bluezone/protocol/node';
import { SYSTEM_ACTOR } from '@bluezone/server';
import { UsageError, type CliIo } from '../io.js';
import { hexOfBytes, integerIn } from '../option-values.js';
import { withServerRuntime } from '../server-runtime.js';

/**
 * Metadata used when --metadata is not given: version 1.0, transmit power 0 dBm, calibration confidence 0
 * (EN Bluetooth Specification v1.2 metadata layout, see encodeMetadata).
 */
export const DEFAULT_KEYS_METADATA_HEX = '40000000';
/** Most intervals one `keys derive` prints: about a week, enough for any key plus drift, small enough for a pipe. */
export const MAX_DERIVE_COUNT = 1000;
const MAX_INTERVAL = 2 ** 32 - 1;

interface DeriveOptions {
  tek: string;
  interval: number;
  count: number;
  metadata: string;
}

/**
 * `bluezone keys derive`: the RPI and AEM a phone holding TEK advertises, one JSON line per interval, for checking
 * other implementations and building test fixtures. Uses the Node backend.
 */
function derive(io: CliIo, options: DeriveOptions): void {
  const { interval, count } = options;
  const tek = fromHex(options.tek, '--tek');
  const metadata = fromHex(options.metadata, '--metadata');
  if (interval + count - 1 > MAX_INTERVAL) {
    throw new UsageError(`--interval + --count - 1 must be at most ${MAX_INTERVAL} (interval numbers are uint32)`);
  }
  const backend = nodeCryptoBackend;
  const rpik = deriveRollingProximityIdentifierKey(tek, backend);
  const aemk = deriveAssociatedEncryptedMetadataKey(tek, backend);
  const rpis = deriveRollingProximityIdentifiers(rpik, interval, count, backend);
  let out = '';
  for (let j = 0; j < count; j++) {
    const rpi = rpis.subarray(j * 16, j * 16 + 16);
    const aem = encryptAssociatedMetadata(aemk, rpi, metadata, backend);
    out += `${JSON.stringify({ interval: interval + j, rpi: toHex(rpi), aem: toHex(aem) })}\n`;
  }
  io.out(out);
}

/** `bluezone keys generate`: a fresh TEK and the rolling start of the day it is for, one JSON line. */
function generate(io: CliIo, options: { time?: number }): void {
  const time = options.time ?? Date.now() / 1000;
  const tek = generateTemporaryExposureKey(nodeCryptoBackend.randomBytes);
  const line = {
    tek: toHex(tek),
    rollingStartIntervalNumber: rollingStartIntervalNumber(time),
    rollingPeriod: TEK_ROLLING_PERIOD,
  };
  io.out(`${JSON.stringify(line)}\n`);
}

/**
 * `bluezone keys rotate`: a new export signing key becomes active (next version); the previous one stays listed at
 * /api/v1/export-keys for the overlap, so the files it signed keep verifying.
 */
async function rotate(io: CliIo): Promise<void> {
  await withServerRuntime(async ({ services }) => {
    const key = await services.signingKeys.rotate(SYSTEM_ACTOR);
    io.out(`${JSON.stringify({ keyId: key.keyId, version: key.version, algorithm: key.algorithm, publicKeyPem: key.publicKeyPem })}\n`);
  });
}

export function registerKeysCommands(program: Command, io: CliIo): void {
  const keys = program.command('keys').description('Exposure Notification keys and identifiers (EN crypto v1.2)');

  keys
    .command('derive')
    .description('print the RPI and AEM of a TEK for consecutive intervals, one JSON line each')
    .requiredOption('--tek <hex>', 'temporary exposure key, 16 bytes of hex', hexOfBytes(16))
    .requiredOption('--interval <n>', 'first interval number (unix seconds / 600), 0 to 4294967295', integerIn(0, MAX_INTERVAL))
    .option('--count <n>', `number of intervals, 1 to ${MAX_DERIVE_COUNT}`, integerIn(1, MAX_DERIVE_COUNT), TEK_ROLLING_PERIOD)
    .option(
      '--metadata <hex>',
      'clear BLE metadata, 4 bytes of hex (byte 0 version, byte 1 tx power dBm); default: version 1.0, 0 dBm',
      hexOfBytes(4),
      DEFAULT_KEYS_METADATA_HEX,
    )
    .addHelpText('after', '\nOutput: {"interval":N,"rpi":"<32 hex>","aem":"<8 hex>"} per line.')
    .action((options: DeriveOptions) => derive(io, options));

  keys
    .command('generate')
    .description('print a fresh random TEK and its rolling start interval number, as one JSON line')
    .option('--time <unixSeconds>', 'the moment the key is for (default: now)', integerIn(0, 2 ** 32 * 600 - 1))
    .addHelpText('after', '\nOutput: {"tek":"<32 hex>","rollingStartIntervalNumber":N,"rollingPeriod":144}')
    .action((options: { time?: number }) => generate(io, options));

  keys
    .command('rotate')
    .description('make a new active export signing key; the previous one stays published for the overlap')
    .addHelpText('after', '\nOutput: {"keyId","version","algorithm","publicKeyPem"} of the new key, one JSON line.')
    .action(() => rotate(io));
}
