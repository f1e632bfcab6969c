// The work of `bluezone export …`, loaded only when one of them runs (see export.ts for the options and formats).
import { readFileSync, writeFileSync } from 'node:fs';
import {
  EXPORT_SIGNATURE_ALGORITHM,
  ProtocolError,
  decodeExportBin,
  hasExportBinHeader,
  looksLikeZip,
  readExportZip,
  toHex,
  verifyExportZip,
  writeExportZip,
  type ExportKey,
  type ExportSignature,
  type ExposureKeyExport,
} from '@bluezone/protocol';
import { signExportBinNode } from '@bluezone/protocol/node';
import { CliError, type CliIo } from '../io.js';
import { withServerRuntime } from '../server-runtime.js';

function readInput(path: string, what: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    throw new CliError(`cannot read ${what} ${path}: ${(error as Error).message}`);
  }
}

/** A zip or a bare export.bin, told apart by their first bytes (files are often renamed or served without extension). */
function readExport(path: string): { kind: 'zip' | 'bin'; export: ExposureKeyExport; signatures: ExportSignature[] } {
  const bytes = readInput(path, 'export file');
  if (looksLikeZip(bytes)) {
    const contents = readExportZip(bytes);
    return { kind: 'zip', export: contents.export, signatures: contents.signatures };
  }
  if (hasExportBinHeader(bytes)) return { kind: 'bin', export: decodeExportBin(bytes), signatures: [] };
  throw new CliError(`${path} is neither an export zip nor an export.bin (it starts with neither "PK" nor "EK Export v1")`);
}

function keyJson(key: ExportKey) {
  return {
    keyData: toHex(key.keyData),
    transmissionRiskLevel: key.transmissionRiskLevel,
    rollingStartIntervalNumber: key.rollingStartIntervalNumber,
    rollingPeriod: key.rollingPeriod,
    reportType: key.reportType,
    daysSinceOnsetOfSymptoms: key.daysSinceOnsetOfSymptoms,
  };
}

/** The --json shape; key order is fixed here so the output is stable. */
export function exportToJson(e: ExposureKeyExport) {
  return {
    startTimestamp: e.startTimestamp,
    endTimestamp: e.endTimestamp,
    region: e.region,
    batchNum: e.batchNum,
    batchSize: e.batchSize,
    signatureInfos: e.signatureInfos.map((s) => ({
      verificationKeyVersion: s.verificationKeyVersion,
      verificationKeyId: s.verificationKeyId,
      signatureAlgorithm: s.signatureAlgorithm,
    })),
    keys: e.keys.map(keyJson),
    revisedKeys: e.revisedKeys.map(keyJson),
  };
}

const REPORT_TYPE_NAMES = ['unknown', 'confirmed test', 'clinical diagnosis', 'self report', 'recursive', 'revoked'];

function utc(seconds: number): string {
  const ms = seconds * 1000;
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString().replace('.000Z', 'Z') : '?';
}

function keyLine(key: ExportKey): string {
  const report = key.reportType === null ? '-' : (REPORT_TYPE_NAMES[key.reportType] ?? String(key.reportType));
  const cell = (v: number | null) => (v === null ? '-' : String(v));
  return (
    `  ${toHex(key.keyData)}  start ${key.rollingStartIntervalNumber} (${utc(key.rollingStartIntervalNumber * 600)})` +
    `  period ${key.rollingPeriod}  risk ${cell(key.transmissionRiskLevel)}  report ${report}` +
    `  onset ${cell(key.daysSinceOnsetOfSymptoms)}\n`
  );
}

function humanSummary(path: string, kind: 'zip' | 'bin', e: ExposureKeyExport, signatures: ExportSignature[]): string {
  let out = `${path}: ${kind === 'zip' ? 'export zip (export.bin + export.sig)' : 'bare export.bin'}\n`;
  out += `region:        ${e.region || '-'}\n`;
  out += `time window:   ${utc(e.startTimestamp)} to ${utc(e.endTimestamp)} (${e.startTimestamp} to ${e.endTimestamp})\n`;
  out += `batch:         ${e.batchNum} of ${e.batchSize}\n`;
  out += `signature infos in export.bin: ${e.signatureInfos.length}\n`;
  for (const s of e.signatureInfos) {
    out += `  key id ${s.verificationKeyId || '-'}, version ${s.verificationKeyVersion || '-'}, algorithm ${s.signatureAlgorithm || '-'}\n`;
  }
  if (kind === 'zip') {
    out += `signatures in export.sig: ${signatures.length}\n`;
    for (const s of signatures) {
      out += `  key id ${s.signatureInfo.verificationKeyId || '-'}, version ${s.signatureInfo.verificationKeyVersion || '-'}, batch ${s.batchNum} of ${s.batchSize}, ${s.signature.length}-byte signature\n`;
    }
  }
  out += `keys:          ${e.keys.length}\n`;
  for (const key of e.keys) out += keyLine(key);
  out += `revised keys:  ${e.revisedKeys.length}\n`;
  for (const key of e.revisedKeys) out += keyLine(key);
  return out;
}

export function inspect(io: CliIo, file: string, options: { json?: boolean }): void {
  const { kind, export: e, signatures } = readExport(file);
  io.out(options.json ? `${JSON.stringify(exportToJson(e))}\n` : humanSummary(file, kind, e, signatures));
}

export interface VerifyOptions {
  publicKey: string;
  keyId?: string;
  keyVersion?: string;
}

/** Prints `valid` (exit 0) or `invalid: <reason>` (exit 1): a verdict on stdout, the failure on stderr. */
export function verify(io: CliIo, file: string, options: VerifyOptions): void {
  const pem = new TextDecoder().decode(readInput(options.publicKey, 'public key'));
  const zip = readInput(file, 'export file');
  let result;
  try {
    result = verifyExportZip(zip, pem, { verificationKeyId: options.keyId, verificationKeyVersion: options.keyVersion });
  } catch (error) {
    if (error instanceof ProtocolError && error.code === 'export_bad_key_pem') {
      throw new CliError(`public key ${options.publicKey} is not a P-256 SPKI PEM: ${error.message}`);
    }
    throw error;
  }
  if (result.valid) {
    io.out('valid\n');
    return;
  }
  io.out(`invalid: ${result.reason}\n`);
  throw new CliError(`${file} is not validly signed`);
}

export interface SignOptions {
  in: string;
  key: string;
  keyId: string;
  keyVersion: string;
  out: string;
}

/** Signs an existing export.bin with one key and writes export.zip (node:crypto backend: any OpenSSL PEM). */
export function sign(io: CliIo, options: SignOptions): void {
  const exportBin = readInput(options.in, 'export.bin');
  const pem = new TextDecoder().decode(readInput(options.key, 'private key'));
  const signatureInfo = {
    verificationKeyVersion: options.keyVersion,
    verificationKeyId: options.keyId,
    signatureAlgorithm: EXPORT_SIGNATURE_ALGORITHM,
  };
  let signature;
  try {
    signature = signExportBinNode(exportBin, pem, signatureInfo);
  } catch (error) {
    if (error instanceof ProtocolError && error.code === 'export_bad_key_pem') {
      throw new CliError(`private key ${options.key}: ${error.message}`);
    }
    throw error;
  }
  const zip = writeExportZip({ exportBin, signatures: [signature] });
  try {
    writeFileSync(options.out, zip);
  } catch (error) {
    throw new CliError(`cannot write ${options.out}: ${(error as Error).message}`);
  }
  io.out(`wrote ${options.out}\n`);
}

/**
 * Cuts one batch at once, up to now, with the server's configuration and database: what the export worker does on
 * its period. Safe beside a running server: both claim the next window in the database and only one cuts it.
 */
export async function run(io: CliIo, options: { json?: boolean }): Promise<void> {
  await withServerRuntime(async ({ services }, config) => {
    await services.signingKeys.ensureActiveKey();
    // Normally one batch; two when a window an earlier attempt failed to cut is still pending.
    const batches = await services.export.cutDueBatches('now');
    if (batches.length === 0 && !options.json) io.out('nothing to export: no new window, or another process is cutting it\n');
    for (const batch of batches) {
      if (options.json) {
        io.out(batch.files.map((f) => `${JSON.stringify({ name: f.name, batchNum: f.batchNum, batchSize: f.batchSize, keys: f.keys, bytes: f.bytes })}\n`).join(''));
        continue;
      }
      for (const f of batch.files) io.out(`wrote ${config.export.exportsDir}/${f.name} (${f.keys} keys, ${f.bytes} bytes)\n`);
      io.out(
        `batch ${utc(batch.start)} to ${utc(batch.end)}: ${batch.realKeys} keys, ${batch.revisedKeys} revised, ` +
          `${batch.paddingKeys} padding, ${batch.files.length} file(s); index.txt updated\n`,
      );
    }
  });
}

