import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `bluezone --help` and every command parse all options first, so what main.ts loads before a command runs must be
// light: the protocol (~75 ms), the contract with zod (~60 ms) and the server (~300 ms) load inside actions, by
// dynamic import() of a `*.actions.ts` file. This test follows main.ts's static imports and reads what they load.
const src = fileURLToPath(new URL('.', import.meta.url));

/** Module specifiers of the value imports and re-exports of a file (type-only imports cost nothing at run time). */
function staticValueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\sfrom\s+'([^']+)'/gms)].map((m) => m[1] as string);
}

/** Every local file main.ts loads at start, and every package one of them imports. */
function loadedAtStart(): { files: string[]; packages: { file: string; specifier: string }[] } {
  const files: string[] = [];
  const packages: { file: string; specifier: string }[] = [];
  const visit = (file: string) => {
    if (files.includes(file)) return;
    files.push(file);
    for (const specifier of staticValueImports(file)) {
      if (specifier.startsWith('.')) visit(join(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.push({ file: relative(src, file), specifier });
    }
  };
  visit(join(src, 'main.ts'));
  return { files: files.map((f) => relative(src, f)), packages };
}

describe('start-up of the command line', () => {
  it('loads only commander and Node built-ins before a command runs', () => {
    const { files, packages } = loadedAtStart();
    // Sanity: the walk reaches every command's registration.
    expect(files).toEqual(expect.arrayContaining(['commands/keys.ts', 'commands/proximity.ts', 'commands/server.ts', 'option-values.ts']));
    expect(files.filter((f) => f.endsWith('.actions.ts'))).toEqual([]);
    const heavy = packages.filter(({ specifier }) => specifier !== 'commander' && !specifier.startsWith('node:'));
    expect(heavy).toEqual([]);
  });
});
