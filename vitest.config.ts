import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import SummaryLineReporter from './vitest.summary-reporter.js';

// Tests import workspace packages from source, so `npm test` never runs against a stale build.
const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@bluezone\/protocol\/node$/, replacement: src('./packages/protocol/src/node/index.ts') },
      { find: /^@bluezone\/protocol\/proximity$/, replacement: src('./packages/protocol/src/proximity/index.ts') },
      { find: /^@bluezone\/contract$/, replacement: src('./packages/contract/src/index.ts') },
      { find: /^@bluezone\/server$/, replacement: src('./apps/server/src/index.ts') },
      { find: /^@bluezone\/protocol$/, replacement: src('./packages/protocol/src/index.ts') },
    ],
  },
  test: {
    reporters: ['default', new SummaryLineReporter()],
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
