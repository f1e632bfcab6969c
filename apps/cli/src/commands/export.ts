import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { exportKeyToken } from '../option-values.js';
import type { SignOptions, VerifyOptions } from './export.actions.js';

/**
 * `bluezone export inspect|verify|sign|run`: the signed diagnosis-key batches phones download (export.zip =
 * export.bin + export.sig, Google/Apple "Exposure Key Export File Format and Verification").
 * Output formats are part of the interface: scripts parse them. Options only here: the protocol and the server load
 * when a command runs (export.actions.ts), so `--help` stays instant.
 */
const actions = () => import('./export.actions.js');

export function registerExportCommands(program: Command, io: CliIo): void {
  const exportCommand = program
    .command('export')
    .description('signed diagnosis-key export files (export.zip = export.bin + export.sig)');

  exportCommand
    .command('inspect')
    .description('show the content of an export.zip or a bare export.bin (detected by its first bytes)')
    .argument('<file>', 'export.zip or export.bin')
    .option('--json', 'print one JSON object instead of a summary')
    .addHelpText(
      'after',
      '\n--json output: {"startTimestamp","endTimestamp","region","batchNum","batchSize","signatureInfos":[...],' +
        '"keys":[{"keyData":"<hex>","transmissionRiskLevel","rollingStartIntervalNumber","rollingPeriod",' +
        '"reportType","daysSinceOnsetOfSymptoms"}],"revisedKeys":[...]}; absent fields are null, an absent ' +
        'rollingPeriod is 144.',
    )
    .action(async (file: string, options: { json?: boolean }) => (await actions()).inspect(io, file, options));

  exportCommand
    .command('verify')
    .description('check the ECDSA P-256 signature of an export.zip; prints "valid" (exit 0) or "invalid: <reason>" (exit 1)')
    .argument('<file>', 'export.zip')
    .requiredOption('--public-key <pem>', 'P-256 public key, SPKI PEM file')
    .option('--key-id <id>', 'only accept signatures with this verification_key_id')
    .option('--key-version <version>', 'only accept signatures with this verification_key_version')
    .action(async (file: string, options: VerifyOptions) => (await actions()).verify(io, file, options));

  exportCommand
    .command('sign')
    .description('sign an export.bin with a P-256 private key and write export.zip')
    .requiredOption('--in <file>', 'export.bin to sign')
    .requiredOption('--key <pem>', 'P-256 private key, PKCS#8 or SEC1 PEM file')
    .requiredOption('--key-id <id>', 'verification_key_id, e.g. 452', exportKeyToken)
    .requiredOption('--key-version <version>', 'verification_key_version, e.g. v1', exportKeyToken)
    .requiredOption('--out <file>', 'export.zip to write')
    .action(async (options: SignOptions) => (await actions()).sign(io, options));

  exportCommand
    .command('run')
    .description('cut one export batch now, up to now, into the exports directory (server config: BLUEZONE_DATA_DIR or DATABASE_URL)')
    .option('--json', 'print one JSON line per file written, nothing when there was nothing to cut')
    .addHelpText('after', '\n--json output: {"name":"VN/<start>-<end>-00001.zip","batchNum","batchSize","keys","bytes"} per file.')
    .action(async (options: { json?: boolean }) => (await actions()).run(io, options));
}
