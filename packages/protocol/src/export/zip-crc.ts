/**
 * CRC-32 checks for zip entries (PKWARE APPNOTE.TXT 6.3.x, sections 4.3.12 "central directory structure" and
 * 4.4.7 "CRC-32"). fflate's unzipSync does not check CRCs and fills at most the declared size of an entry, so an
 * entry that lies about its size, or was damaged in transit, would come out silently cut or wrong; comparing
 * each inflated entry with the CRC its central directory record declares catches both.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) as zip uses it.
 *
 * @example
 * zipCrc32(new TextEncoder().encode('123456789')); // 0xcbf43926
 */
export function zipCrc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) crc = (CRC_TABLE[(crc ^ b) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * The CRC-32 that each central directory record declares, by entry name. Returns undefined when the records
 * cannot be walked (the caller has already had fflate read the same records, so this only happens on damage).
 * Zip64 archives are not walked: an export is never near 4 GB.
 */
export function zipDeclaredCrcs(zip: Uint8Array): Map<string, number> | undefined {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // End of central directory record: signature 0x06054b50, at most 65535 bytes of comment after it.
  let eocd = -1;
  for (let i = zip.length - 22; i >= 0 && i >= zip.length - 22 - 0xffff; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const crcs = new Map<string, number>();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > zip.length || view.getUint32(offset, true) !== 0x02014b50) return undefined;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > zip.length) return undefined;
    const name = decoder.decode(zip.subarray(offset + 46, offset + 46 + nameLength));
    crcs.set(name, view.getUint32(offset + 16, true));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return crcs;
}
