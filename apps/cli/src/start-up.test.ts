import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `bluezone --help` and every command parse all options first, so the files that register options must load
// nothing heavy: the protocol (~75 ms), the contract with zod (~60 ms) and the server (~300 ms) load inside actions,
// by dynamic import() of a `*.actions.ts` file. This test reads the static imports of the registration files.
const src = fileURLToPath(new URL('.', import.meta.url));
const registration = [
  'main.ts',
  'io.ts',
  'option-values.ts',
  ...readdirSync(`${src}commands`)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.actions.ts'))
    .map((name) => `commands/${name}`),
];

/** Module specifiers of the value imports and re-exports of a file (type-only imports cost nothing at run time). */
function staticValueImports(path: string): string[] {
  const text = readFileSync(`${src}${path}`, 'utf8');
  return [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\sfrom\s+'([^']+)'/gms)].map((m) => m[1] as string);
}

describe('start-up of the command line', () => {
  it.each(registration)('%s imports only commander, Node built-ins and other registration files', (path) => {
    for (const specifier of staticValueImports(path)) {
      const light =
        specifier === 'commander' ||
        specifier.startsWith('node:') ||
        registration.some((file) => specifier.endsWith(file.replace(/^commands\//, '').replace(/\.ts$/, '.js')));
      expect(light, `${path} imports ${specifier}`).toBe(true);
    }
  });
});
