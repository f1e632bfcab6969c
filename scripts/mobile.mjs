#!/usr/bin/env node
// The citizen app (apps/mobile) has its own install (Expo, React Native, Jest: about 830 packages), kept out of the
// root `npm install` so the quick start stays fast. `npm test` runs its steps through this script:
//   node scripts/mobile.mjs web    build the web demo (apps/mobile/dist), served by the server at /app/
//   node scripts/mobile.mjs test   type-check the app and run its Jest tests
// Without `npm ci --prefix apps/mobile` the steps are skipped with the reason, except in CI (CI=true), where a
// missing toolchain fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = join(dirname(fileURLToPath(import.meta.url)), '..', 'apps', 'mobile');
const step = process.argv[2];
const steps = {
  web: [['npx', 'expo', 'export', '--platform', 'web', '--output-dir', 'dist']],
  test: [
    ['npx', 'tsc', '-p', 'tsconfig.json'],
    ['npx', 'jest', '--ci'],
  ],
};

if (!steps[step]) {
  console.error(`usage: node scripts/mobile.mjs ${Object.keys(steps).join('|')}`);
  process.exit(2);
}
if (!existsSync(join(app, 'node_modules', 'expo'))) {
  const reason = 'the app toolchain is not installed (npm ci --prefix apps/mobile)';
  if (process.env.CI === 'true') {
    console.error(`apps/mobile: ${reason}; CI needs it`);
    process.exit(1);
  }
  console.log(`apps/mobile ${step}: skipped, ${reason}`);
  process.exit(0);
}
for (const command of steps[step]) {
  console.log(`apps/mobile$ ${command.join(' ')}`);
  const result = spawnSync(command[0], command.slice(1), { cwd: app, stdio: 'inherit', env: { ...process.env, EXPO_OFFLINE: '1', EXPO_NO_TELEMETRY: '1' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
