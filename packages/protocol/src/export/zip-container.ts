import { assertBytes, assertInteger } from '../assert.js';
import { ProtocolError } from '../errors.js';

/**
 * Lays out a zip archive of entries that are already deflated (PKWARE APPNOTE.TXT 6.3.x, sections 4.3.7 local file
 * header, 4.3.12 central directory header, 4.3.16 end of central directory record), with the same fields fflate's
 * zipSync writes for export files: version 2.0, no flags, method 8 (deflate), DOS time 1980-01-01 00:00, no extra
 * fields, comments or attributes. With fflate's own deflate output the bytes equal zipSync's (zip-container.test.ts);
 * this lets a Node server deflate with zlib, off the main thread, and still write the same kind of archive.
 */
export interface DeflatedZipEntry {
  /** ASCII name, e.g. `export.bin`. */
  name: string;
  /** Raw deflate stream (RFC 1951) of the entry. */
  deflated: Uint8Array;
  /** CRC-32 of the uncompressed bytes. */
  crc32: number;
  /** Uncompressed length in bytes. */
  size: number;
}

const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;
const DOS_DATE_1980_01_01 = (1 << 5) | 1; // day 1, month 1, year 1980 + 0; the time is 00:00:00

export function writeDeflatedZip(entries: readonly DeflatedZipEntry[]): Uint8Array {
  if (!Array.isArray(entries) || entries.length > 0xffff) throw new ProtocolError('invalid_argument', 'entries must be an array of at most 65535');
  const names = entries.map((e, i) => {
    if (typeof e?.name !== 'string' || !/^[\x20-\x7e]{1,255}$/.test(e.name)) throw new ProtocolError('invalid_argument', `entries[${i}].name must be printable ASCII`);
    assertBytes(e.deflated, `entries[${i}].deflated`);
    assertInteger(e.crc32, `entries[${i}].crc32`, 0, 0xffffffff);
    // No Zip64: an export file is a few megabytes.
    assertInteger(e.size, `entries[${i}].size`, 0, 0xfffffffe);
    if (e.deflated.length > 0xfffffffe) throw new ProtocolError('invalid_argument', `entries[${i}] is too large for a zip without Zip64`);
    return new TextEncoder().encode(e.name);
  });
  const localTotal = entries.reduce((sum, e, i) => sum + LOCAL_HEADER + names[i]!.length + e.deflated.length, 0);
  const centralTotal = names.reduce((sum, n) => sum + CENTRAL_HEADER + n.length, 0);
  const out = new Uint8Array(localTotal + centralTotal + END_RECORD);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  // The fields a local and a central header share, from "version needed to extract" to "extra field length".
  const common = (e: DeflatedZipEntry, name: Uint8Array) => {
    view.setUint16(at, 20, true); // version needed to extract: 2.0 (deflate)
    view.setUint16(at + 2, 0, true); // general purpose flags
    view.setUint16(at + 4, 8, true); // method: deflate
    view.setUint16(at + 6, 0, true); // DOS time
    view.setUint16(at + 8, DOS_DATE_1980_01_01, true);
    view.setUint32(at + 10, e.crc32, true);
    view.setUint32(at + 14, e.deflated.length, true);
    view.setUint32(at + 18, e.size, true);
    view.setUint16(at + 22, name.length, true);
    view.setUint16(at + 24, 0, true); // extra field length
    at += 26;
  };
  entries.forEach((e, i) => {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    at += 4;
    common(e, names[i]!);
    out.set(names[i]!, at);
    at += names[i]!.length;
    out.set(e.deflated, at);
    at += e.deflated.length;
  });
  const centralStart = at;
  entries.forEach((e, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // version made by: 2.0, MS-DOS attributes (as fflate writes)
    at += 6;
    common(e, names[i]!);
    // comment length, disk number, internal and external attributes: all zero (the buffer starts zeroed)
    view.setUint32(at + 10, offsets[i]!, true);
    at += 14;
    out.set(names[i]!, at);
    at += names[i]!.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}
