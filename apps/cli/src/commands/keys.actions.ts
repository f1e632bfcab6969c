// The work of `bluezone keys …`, loaded only when one of them runs (see keys.ts for the options).
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
import { UsageError, type CliIo } from '../io.js';
import { withServerRuntime } from '../server-runtime.js';
import { MAX_INTERVAL } from './keys.js';

export interface DeriveOptions {
  tek: string;
  interval: number;
  count: number;
  metadata: string;
}

/**
 * `bluezone keys derive`: the RPI and AEM a phone holding TEK advertises, one JSON line per interval, for checking
 * other implementations and building test fixtures. Uses the Node backend.
 */
export function derive(io: CliIo, options: DeriveOptions): void {
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
export function generate(io: CliIo, options: { time?: number }): void {
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
export async function rotate(io: CliIo): Promise<void> {
  const { SYSTEM_ACTOR } = await import('@bluezone/server'); // only this command needs the server
  await withServerRuntime(async ({ services }) => {
    const key = await services.signingKeys.rotate(SYSTEM_ACTOR);
    io.out(`${JSON.stringify({ keyId: key.keyId, version: key.version, algorithm: key.algorithm, publicKeyPem: key.publicKeyPem })}\n`);
  });
}

