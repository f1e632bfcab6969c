import type { ExportKey } from '@bluezone/protocol';

/**
 * The keys of one export batch in one compact buffer, 32 bytes a key, instead of an object per key: a million-key
 * batch takes 32 MB and no garbage collection, where the objects took about a gigabyte (measured with
 * apps/server/bench/export.bench.mjs). Keys are appended, then read back in key-byte order.
 *
 * Record layout, as eight int32 slots: 0–3 key data (the 16 bytes as stored), 4 rolling start interval,
 * 5 transmission risk, 6 days since onset, 7 rolling period | report type << 8 | null flags << 16. Records live in
 * chunks of 65,536 (2 MB), so the table grows without copying and without reserving room it does not fill.
 */
const SLOTS = 8;
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const NULL_RISK = 1 << 16;
const NULL_REPORT_TYPE = 1 << 17;
const NULL_ONSET = 1 << 18;

/**
 * A key as a packed record, the table's own record with its integers big-endian (network order): the 16 key bytes,
 * then rolling start interval, transmission risk, days since onset (0 when null) and rolling period | export report
 * type << 8 | KEY_RECORD_NULL_ONSET when the onset is null, each an int32. The export's store builds these in SQL,
 * so a million keys cross from the database as a few hundred strings or buffers instead of a million rows.
 */
export const KEY_RECORD_BYTES = 32;
export const KEY_RECORD_NULL_ONSET = NULL_ONSET;

/** A key for readInto to fill, and the int32 view of its keyData that readInto copies the key bytes into. */
function emptyKey(): { key: ExportKey; keyWords: Int32Array } {
  const keyWords = new Int32Array(4);
  const key = { keyData: new Uint8Array(keyWords.buffer), rollingStartIntervalNumber: 0, transmissionRiskLevel: null, rollingPeriod: 0, reportType: null, daysSinceOnsetOfSymptoms: null };
  return { key, keyWords };
}

export class KeyTable {
  private readonly chunks: Array<{ slots: Int32Array; bytes: Uint8Array }> = [];
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(key: ExportKey): void {
    const { slots, bytes, at } = this.nextRecord();
    bytes.set(key.keyData, at * 4);
    slots[at + 4] = key.rollingStartIntervalNumber;
    slots[at + 5] = key.transmissionRiskLevel ?? 0;
    slots[at + 6] = key.daysSinceOnsetOfSymptoms ?? 0;
    slots[at + 7] =
      key.rollingPeriod |
      ((key.reportType ?? 0) << 8) |
      (key.transmissionRiskLevel === null ? NULL_RISK : 0) |
      (key.reportType === null ? NULL_REPORT_TYPE : 0) |
      (key.daysSinceOnsetOfSymptoms === null ? NULL_ONSET : 0);
  }

  /**
   * Appends packed records (KEY_RECORD_BYTES each, see there), skipping those whose export report type `keep`
   * refuses. Throws, appending nothing, when the bytes are not whole records.
   */
  pushRecords(records: Uint8Array, keep: (reportType: number) => boolean): void {
    if (records.length % KEY_RECORD_BYTES !== 0) throw new Error(`key records of ${records.length} bytes: not a multiple of ${KEY_RECORD_BYTES}`);
    const view = new DataView(records.buffer, records.byteOffset, records.byteLength);
    for (let offset = 0; offset < records.length; offset += KEY_RECORD_BYTES) {
      const packed = view.getInt32(offset + 28);
      if (!keep((packed >> 8) & 0xff)) continue;
      const { slots, bytes, at } = this.nextRecord();
      bytes.set(records.subarray(offset, offset + 16), at * 4);
      slots[at + 4] = view.getInt32(offset + 16);
      slots[at + 5] = view.getInt32(offset + 20);
      slots[at + 6] = view.getInt32(offset + 24);
      slots[at + 7] = packed;
    }
  }

  /** Room for one more record, counted in: its chunk and the index of its first slot. */
  private nextRecord(): { slots: Int32Array; bytes: Uint8Array; at: number } {
    if (this.count === this.chunks.length * CHUNK) {
      const slots = new Int32Array(CHUNK * SLOTS);
      this.chunks.push({ slots, bytes: new Uint8Array(slots.buffer) });
    }
    const { slots, bytes } = this.chunks[this.count >>> CHUNK_BITS]!;
    const at = (this.count & (CHUNK - 1)) * SLOTS;
    this.count++;
    return { slots, bytes, at };
  }

  /**
   * A reader of keys by index for writers that copy what they are given: every call fills and answers the same key
   * object (keyData a 16-byte buffer of its own), overwriting the previous key. Writing a million keys then makes no
   * object a key, which the garbage collector would otherwise have to sweep (measured with the export benchmark).
   */
  reusingReader(): (index: number) => ExportKey {
    const { key, keyWords } = emptyKey();
    return (index) => {
      if (!this.readInto(index, key, keyWords)) throw new RangeError(`no key at ${index}`);
      return key;
    };
  }

  /** The key at `index`, in an object and a keyData of its own. */
  at(index: number): ExportKey | undefined {
    const { key, keyWords } = emptyKey();
    return this.readInto(index, key, keyWords) ? key : undefined;
  }

  /** Fills `key` with the record at `index`, its bytes through `keyWords` (a view of its keyData); false when there is none. */
  private readInto(index: number, key: ExportKey, keyWords: Int32Array): boolean {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return false;
    const { slots } = this.chunks[index >>> CHUNK_BITS]!;
    const at = (index & (CHUNK - 1)) * SLOTS;
    const packed = slots[at + 7]!;
    // The key bytes are copied as four int32 slots: the same memory as 16 bytes, and no view made a key.
    keyWords[0] = slots[at]!;
    keyWords[1] = slots[at + 1]!;
    keyWords[2] = slots[at + 2]!;
    keyWords[3] = slots[at + 3]!;
    key.rollingStartIntervalNumber = slots[at + 4]!;
    key.transmissionRiskLevel = packed & NULL_RISK ? null : slots[at + 5]!;
    key.rollingPeriod = packed & 0xff;
    key.reportType = packed & NULL_REPORT_TYPE ? null : (packed >> 8) & 0xff;
    key.daysSinceOnsetOfSymptoms = packed & NULL_ONSET ? null : slots[at + 6]!;
    return true;
  }

  /**
   * Indices of the keys in key-byte order (the order phones get them in, which says nothing about when or by whom
   * they came). Each key's first bytes and its index are packed into one double and sorted natively (a
   * Float64Array holds integers exactly up to 2^53), then the rare runs of equal prefixes are put in order by
   * their full 16 bytes. Measured: 0.2 s for a million keys, where a comparator over key objects took 2.5 s.
   */
  sortedOrder(): Uint32Array {
    const n = this.count;
    const indexBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
    const prefixBits = 53 - indexBits;
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const o = (i & (CHUNK - 1)) * SLOTS * 4;
      const b = this.chunks[i >>> CHUNK_BITS]!.bytes;
      // The first 48 bits of the key, big-endian, cut to prefixBits.
      const high48 = (b[o]! * 2 ** 40 + b[o + 1]! * 2 ** 32 + ((b[o + 2]! << 24) >>> 0) + (b[o + 3]! << 16) + (b[o + 4]! << 8) + b[o + 5]!);
      const prefix = prefixBits >= 48 ? high48 : Math.floor(high48 / 2 ** (48 - prefixBits));
      packed[i] = prefix * 2 ** indexBits + i;
    }
    packed.sort();
    const order = new Uint32Array(n);
    const mask = 2 ** indexBits;
    for (let i = 0; i < n; i++) order[i] = packed[i]! % mask;
    // Equal prefixes sit next to each other: sort each such run by the whole key (insertion sort, runs are short).
    const prefixOf = (i: number) => Math.floor(packed[i]! / mask);
    for (let start = 0; start < n; ) {
      let end = start + 1;
      while (end < n && prefixOf(end) === prefixOf(start)) end++;
      for (let i = start + 1; i < end; i++) {
        const item = order[i]!;
        let j = i - 1;
        while (j >= start && this.compare(order[j]!, item) > 0) {
          order[j + 1] = order[j]!;
          j--;
        }
        order[j + 1] = item;
      }
      start = end;
    }
    return order;
  }

  /** Byte order of the keys at two indices. */
  private compare(a: number, b: number): number {
    const p = this.chunks[a >>> CHUNK_BITS]!.bytes;
    const q = this.chunks[b >>> CHUNK_BITS]!.bytes;
    const x = (a & (CHUNK - 1)) * SLOTS * 4;
    const y = (b & (CHUNK - 1)) * SLOTS * 4;
    for (let i = 0; i < 16; i++) {
      const d = p[x + i]! - q[y + i]!;
      if (d !== 0) return d;
    }
    return 0;
  }
}
