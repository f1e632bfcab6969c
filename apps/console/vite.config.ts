import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';
import * as contract from '@bluezone/contract';

const CONTRACT_VALUES = fileURLToPath(new URL('./src/api/contract-values.ts', import.meta.url));

/**
 * Replaces src/api/contract-values.ts by the values it re-exports, as JSON taken from the built contract, so the
 * bundle carries the data without zod (see that file). A name the contract lacks fails the build.
 */
function contractValues(): Plugin {
  return {
    name: 'bluezone-contract-values',
    load(id) {
      if (id.split('?')[0] !== CONTRACT_VALUES) return null;
      const source = readFileSync(CONTRACT_VALUES, 'utf8');
      const names = [...source.matchAll(/export\s*\{([^}]*)\}\s*from/g)].flatMap((m) => (m[1] ?? '').split(',')).map((n) => n.trim()).filter(Boolean);
      const values = contract as Record<string, unknown>;
      return names
        .map((name) => {
          if (!(name in values)) throw new Error(`@bluezone/contract has no export named ${name}`);
          return `export const ${name} = ${JSON.stringify(values[name])};`;
        })
        .join('\n');
    },
  };
}

// The console is served by the API server at `/`; in development, Vite forwards /api to a server on port 8080
// (override with BLUEZONE_API) so cookies stay same-origin.
export default defineConfig({
  // Each built file also as .br and .gz at the highest levels, which the server sends as they are (http/static.ts).
  plugins: [contractValues(), react(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 })],
  server: {
    proxy: { '/api': process.env.BLUEZONE_API ?? 'http://127.0.0.1:8080' },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
