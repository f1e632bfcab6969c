import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ATTACHMENT_TYPES, type AttachmentType } from '@bluezone/contract';
import { unzipSync } from 'fflate';
import { AppError } from '../errors.js';

/**
 * The directive's files, kept in a directory of their own (0700, files 0600) under names the server makes, so a file
 * name from a browser never reaches the file system. A file must be what it says by its content: a PDF starts with
 * `%PDF-`; a DOCX is a zip holding `word/document.xml` (ECMA-376 part 1, the main document part).
 */
export function sniffAttachment(declared: string, body: Buffer): AttachmentType {
  const type = declared.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/pdf' && body.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (type in ATTACHMENT_TYPES && type !== 'application/pdf' && isDocx(body)) return type as AttachmentType;
  throw new AppError('unsupported_file_type', 'the file is not a PDF or a DOCX document');
}

function isDocx(body: Buffer): boolean {
  if (body.readUInt32LE(0) !== 0x04034b50) return false;
  try {
    const entries = unzipSync(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), { filter: (file) => file.name === 'word/document.xml' });
    return 'word/document.xml' in entries;
  } catch {
    return false;
  }
}

/** A file name safe to show and to send back in Content-Disposition: no path, no control characters, the right ending. */
export function cleanFileName(name: string, type: AttachmentType): string {
  // eslint-disable-next-line no-control-regex
  const base = path.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'tep';
  const ending = ATTACHMENT_TYPES[type];
  return base.toLowerCase().endsWith(ending) ? base : `${base}${ending}`;
}

export class AttachmentFiles {
  constructor(private readonly dir: string) {}

  async write(campaignId: number, type: AttachmentType, body: Buffer): Promise<{ storageName: string; sha256: string }> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const storageName = `${campaignId}-${randomBytes(12).toString('hex')}${ATTACHMENT_TYPES[type]}`;
    const temporary = path.join(this.dir, `.${storageName}.tmp`);
    await writeFile(temporary, body, { mode: 0o600 });
    await rename(temporary, path.join(this.dir, storageName));
    return { storageName, sha256: createHash('sha256').update(body).digest('hex') };
  }

  read(storageName: string): Promise<Buffer> {
    return readFile(path.join(this.dir, path.basename(storageName)));
  }
}
