import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The exports directory, served at /exports/ and mirrored to a CDN: `<region>/<start>-<end>-<n>.zip` and
 * `<region>/index.txt`. Every write goes to a temporary file renamed into place, so a phone or a mirror never reads a
 * half-written file. The only part of the export domain that touches files.
 */
export interface ExportFiles {
  write(name: string, bytes: Uint8Array): void;
  writeIndex(region: string, names: readonly string[]): void;
  remove(name: string): void;
}

export class ExportDirectory implements ExportFiles {
  constructor(private readonly root: string) {}

  private writeAtomically(name: string, content: Uint8Array | string): void {
    const target = path.join(this.root, name);
    mkdirSync(path.dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    writeFileSync(temp, content);
    renameSync(temp, target);
  }

  write(name: string, bytes: Uint8Array): void {
    this.writeAtomically(name, bytes);
  }

  /** One path per line relative to the exports root, oldest first, as Google's index.txt lists them. */
  writeIndex(region: string, names: readonly string[]): void {
    this.writeAtomically(`${region}/index.txt`, names.map((n) => `${n}\n`).join(''));
  }

  remove(name: string): void {
    rmSync(path.join(this.root, name), { force: true });
  }
}
