import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where export files go: `<region>/<start>-<end>-<n>.zip` and `<region>/index.txt`, served to phones at /exports/
 * or by a CDN. A directory by default (ExportDirectory), an S3-compatible bucket when configured
 * (export.object-store.ts). A reader never sees half a file: the directory renames a finished temporary file into
 * place, an object store makes an object visible only once its upload completed.
 */
export interface ExportFiles {
  write(name: string, bytes: Uint8Array): Promise<void>;
  writeIndex(region: string, names: readonly string[]): Promise<void>;
  remove(name: string): Promise<void>;
}

/** index.txt: one path per line relative to the exports root, oldest first, as Google's index.txt lists them. */
export const indexText = (names: readonly string[]): string => names.map((n) => `${n}\n`).join('');

export class ExportDirectory implements ExportFiles {
  constructor(private readonly root: string) {}

  private async writeAtomically(name: string, content: Uint8Array | string): Promise<void> {
    const target = path.join(this.root, name);
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    await writeFile(temp, content);
    await rename(temp, target);
  }

  write(name: string, bytes: Uint8Array): Promise<void> {
    return this.writeAtomically(name, bytes);
  }

  writeIndex(region: string, names: readonly string[]): Promise<void> {
    return this.writeAtomically(`${region}/index.txt`, indexText(names));
  }

  async remove(name: string): Promise<void> {
    await rm(path.join(this.root, name), { force: true });
  }
}
