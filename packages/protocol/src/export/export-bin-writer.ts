import { assertBytes, assertInteger } from '../assert.js';
import { ProtocolError } from '../errors.js';
import { DEFAULT_ROLLING_PERIOD, EXPORT_BIN_HEADER, EXPORT_KEY_LENGTH, EXPORT_REPORT_TYPES, type ExportKey, type ExportSignatureInfo, type ExposureKeyExport } from './export-bin.js';

/**
 * Writes export.bin key by key into one growing buffer, so a server can stream a million keys from its database into
 * files without first building a million objects for a protobuf library. The bytes are those @bufbuild/protobuf
 * writes for the same content with the schema of export-schema.ts (fields in field-number order, proto2 optional
 * fields only when present, 144 rolling periods left out), which export-bin-writer.test.ts checks on random batches.
 *
 * Wire format (protobuf encoding guide, "Message Structure"): each field is a varint tag `(number << 3) | wire type`;
 * wire type 0 varint, 1 fixed 64-bit little-endian, 2 length-delimited. int32 and enum values that are negative are
 * sign-extended to 10-byte varints; sint32 is zigzag encoded.
 *
 * @example
 * const writer = new ExportBinWriter({ startTimestamp, endTimestamp, region: 'VN', batchNum: 1, batchSize: 1, signatureInfos });
 * for (const key of keys) writer.key(key);
 * const exportBin = writer.finish();
 */
export type ExportBinHeaderFields = Omit<ExposureKeyExport, 'keys' | 'revisedKeys'>;

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const utf8 = new TextEncoder();

// Field tags of TemporaryExposureKeyExport, SignatureInfo and TemporaryExposureKey (export-schema.ts).
const TAG = {
  startTimestamp: 0x09,
  endTimestamp: 0x11,
  region: 0x1a,
  batchNum: 0x20,
  batchSize: 0x28,
  signatureInfos: 0x32,
  keys: 0x3a,
  revisedKeys: 0x42,
  keyData: 0x0a,
  transmissionRiskLevel: 0x10,
  rollingStartIntervalNumber: 0x18,
  rollingPeriod: 0x20,
  reportType: 0x28,
  daysSinceOnsetOfSymptoms: 0x30,
} as const;
const SIGNATURE_INFO_TAGS = { verificationKeyVersion: 0x1a, verificationKeyId: 0x22, signatureAlgorithm: 0x2a } as const;

/** Bytes of a uint32 varint. */
function uint32Size(v: number): number {
  return v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5;
}

/** Bytes of an int32 varint: negatives take ten. */
const int32Size = (v: number): number => (v < 0 ? 10 : uint32Size(v));
const zigzag = (v: number): number => ((v << 1) ^ (v >> 31)) >>> 0;

export class ExportBinWriter {
  private buffer: Uint8Array;
  private length = 0;
  private inRevised = false;
  private finished = false;

  /**
   * `expectedKeys` sizes the buffer once, at 34 bytes a key (a key of a day with every optional field takes 31); it
   * grows when more come.
   */
  constructor(header: ExportBinHeaderFields, expectedKeys = 0) {
    if (header === null || typeof header !== 'object') throw new ProtocolError('invalid_argument', 'export must be an object');
    assertInteger(header.startTimestamp, 'startTimestamp', 0, Number.MAX_SAFE_INTEGER);
    assertInteger(header.endTimestamp, 'endTimestamp', 0, Number.MAX_SAFE_INTEGER);
    assertInteger(header.batchNum, 'batchNum', INT32_MIN, INT32_MAX);
    assertInteger(header.batchSize, 'batchSize', INT32_MIN, INT32_MAX);
    if (typeof header.region !== 'string') throw new ProtocolError('invalid_argument', 'region must be a string');
    if (!Array.isArray(header.signatureInfos)) throw new ProtocolError('invalid_argument', 'signatureInfos must be an array');
    assertInteger(expectedKeys, 'expectedKeys', 0, 2 ** 26);
    this.buffer = new Uint8Array(256 + expectedKeys * 34);
    this.buffer.set(EXPORT_BIN_HEADER, 0);
    this.length = EXPORT_BIN_HEADER.length;
    this.fixed64(TAG.startTimestamp, header.startTimestamp);
    this.fixed64(TAG.endTimestamp, header.endTimestamp);
    this.bytesField(TAG.region, utf8.encode(header.region));
    this.int32Field(TAG.batchNum, header.batchNum);
    this.int32Field(TAG.batchSize, header.batchSize);
    header.signatureInfos.forEach((info, i) => this.signatureInfo(info, `signatureInfos[${i}]`));
  }

  /** Appends a key (field 7). Every key must come before the first revised key, as in field-number order. */
  key(key: ExportKey, name = 'key'): void {
    if (this.inRevised) throw new ProtocolError('invalid_argument', 'keys must all be written before revised keys');
    this.keyMessage(TAG.keys, key, name);
  }

  /** Appends a revised key (field 8). */
  revisedKey(key: ExportKey, name = 'revisedKey'): void {
    this.inRevised = true;
    this.keyMessage(TAG.revisedKeys, key, name);
  }

  /** The whole export.bin; the writer cannot be used afterwards. */
  finish(): Uint8Array {
    if (this.finished) throw new ProtocolError('invalid_argument', 'the export was already finished');
    this.finished = true;
    return this.buffer.subarray(0, this.length);
  }

  private keyMessage(tag: number, key: ExportKey, name: string): void {
    if (this.finished) throw new ProtocolError('invalid_argument', 'the export was already finished');
    if (key === null || typeof key !== 'object') throw new ProtocolError('invalid_argument', `${name} must be an object`);
    assertBytes(key.keyData, `${name}.keyData`, EXPORT_KEY_LENGTH);
    assertInteger(key.rollingStartIntervalNumber, `${name}.rollingStartIntervalNumber`, 0, INT32_MAX);
    assertInteger(key.rollingPeriod, `${name}.rollingPeriod`, 1, DEFAULT_ROLLING_PERIOD);
    const { transmissionRiskLevel: risk, reportType, daysSinceOnsetOfSymptoms: onset } = key;
    if (risk !== null) assertInteger(risk, `${name}.transmissionRiskLevel`, INT32_MIN, INT32_MAX);
    if (reportType !== null) assertInteger(reportType, `${name}.reportType`, 0, EXPORT_REPORT_TYPES.REVOKED);
    if (onset !== null) assertInteger(onset, `${name}.daysSinceOnsetOfSymptoms`, INT32_MIN, INT32_MAX);
    let size = 2 + EXPORT_KEY_LENGTH + 1 + uint32Size(key.rollingStartIntervalNumber);
    if (risk !== null) size += 1 + int32Size(risk);
    if (key.rollingPeriod !== DEFAULT_ROLLING_PERIOD) size += 1 + uint32Size(key.rollingPeriod);
    if (reportType !== null) size += 1 + int32Size(reportType);
    if (onset !== null) size += 1 + uint32Size(zigzag(onset));
    this.ensure(size + 6);
    this.byte(tag);
    this.varint(size);
    this.byte(TAG.keyData);
    this.byte(EXPORT_KEY_LENGTH);
    this.buffer.set(key.keyData, this.length);
    this.length += EXPORT_KEY_LENGTH;
    if (risk !== null) this.int32Field(TAG.transmissionRiskLevel, risk);
    this.int32Field(TAG.rollingStartIntervalNumber, key.rollingStartIntervalNumber);
    // 144 is written as absence, as Google's export server does: smaller files, and decode(encode(x)) is stable.
    if (key.rollingPeriod !== DEFAULT_ROLLING_PERIOD) this.int32Field(TAG.rollingPeriod, key.rollingPeriod);
    if (reportType !== null) this.int32Field(TAG.reportType, reportType);
    if (onset !== null) {
      this.byte(TAG.daysSinceOnsetOfSymptoms);
      this.varint(zigzag(onset));
    }
  }

  private signatureInfo(info: ExportSignatureInfo, name: string): void {
    if (info === null || typeof info !== 'object') throw new ProtocolError('invalid_argument', `${name} must be an object`);
    const fields: Array<[number, Uint8Array]> = [];
    for (const field of ['verificationKeyVersion', 'verificationKeyId', 'signatureAlgorithm'] as const) {
      const value = info[field];
      if (typeof value !== 'string') throw new ProtocolError('invalid_argument', `${name}.${field} must be a string`);
      // Empty means absent: proto2 would otherwise write an empty string and the file would not round-trip.
      if (value !== '') fields.push([SIGNATURE_INFO_TAGS[field], utf8.encode(value)]);
    }
    const size = fields.reduce((sum, [, bytes]) => sum + 1 + uint32Size(bytes.length) + bytes.length, 0);
    this.ensure(size + 6);
    this.byte(TAG.signatureInfos);
    this.varint(size);
    for (const [tag, bytes] of fields) this.bytesField(tag, bytes);
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + extra));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  private byte(b: number): void {
    this.buffer[this.length++] = b;
  }

  /** A uint32 varint. */
  private varint(v: number): void {
    while (v > 0x7f) {
      this.buffer[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buffer[this.length++] = v;
  }

  private int32Field(tag: number, v: number): void {
    this.ensure(11);
    this.byte(tag);
    if (v >= 0) return this.varint(v);
    // Negative int32: the two's complement 64-bit value, ten varint bytes (protobuf encoding guide, "Signed Integers").
    let low = v >>> 0;
    for (let i = 0; i < 4; i++) {
      this.buffer[this.length++] = (low & 0x7f) | 0x80;
      low >>>= 7;
    }
    // Bits 28..31 of the low word and the first three of the all-ones high word.
    this.buffer[this.length++] = (low & 0x0f) | 0x70 | 0x80;
    for (let i = 0; i < 4; i++) this.buffer[this.length++] = 0xff;
    this.buffer[this.length++] = 0x01;
  }

  private fixed64(tag: number, v: number): void {
    this.ensure(9);
    this.byte(tag);
    const low = v % 2 ** 32;
    const high = Math.floor(v / 2 ** 32);
    for (const word of [low, high]) {
      for (let i = 0; i < 4; i++) this.buffer[this.length++] = (word >>> (8 * i)) & 0xff;
    }
  }

  private bytesField(tag: number, bytes: Uint8Array): void {
    this.ensure(bytes.length + 6);
    this.byte(tag);
    this.varint(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }
}
