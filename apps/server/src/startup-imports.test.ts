import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

/**
 * Module hooks that write every module the loader resolves to a file, synchronously, before it loads: ES modules
 * (docx is one), which CommonJS's require.cache never holds, and the CommonJS packages ES modules import.
 */
const RECORDER = `
  import { appendFileSync } from 'node:fs';
  let file;
  export function initialize(data) { file = data.file; }
  export async function resolve(specifier, context, next) {
    const resolved = await next(specifier, context);
    appendFileSync(file, resolved.url + '\\n');
    return resolved;
  }`;

// The spreadsheet, bucket, Redis, mail and document libraries are loaded when first used (xlsx.ts,
// export.object-store.ts, server.ts, mailer.ts, summary.service.ts): a process that never needs them, the export
// command or a server without Redis, then starts without them (about 25 MB less resident memory, measured with
// process.memoryUsage after the import).
it('loads the server without the libraries of features it has not used yet', () => {
  const server = fileURLToPath(new URL('../dist/index.js', import.meta.url));
  const dir = mkdtempSync(path.join(tmpdir(), 'startup-imports-'));
  try {
    const record = path.join(dir, 'resolved.txt');
    const script = `
      const { register, createRequire } = await import('node:module');
      const { readFileSync, writeFileSync } = await import('node:fs');
      writeFileSync(${JSON.stringify(record)}, '');
      register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(RECORDER)}), { data: { file: ${JSON.stringify(record)} } });
      await import(${JSON.stringify(server)});
      const loaded = [...Object.keys(createRequire(${JSON.stringify(server)}).cache), ...readFileSync(${JSON.stringify(record)}, 'utf8').split('\\n')];
      const of = (name) => loaded.some((file) => file.includes('/node_modules/' + name + '/'));
      console.log(JSON.stringify({ fastify: of('fastify'), kysely: of('kysely'), exceljs: of('exceljs'), s3: of('@aws-sdk/client-s3'), ioredis: of('ioredis'), limiter: of('rate-limiter-flexible'), nodemailer: of('nodemailer'), docx: of('docx') }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    // fastify (CommonJS) and kysely (an ES module) are there: the check sees both kinds of package the server imports.
    expect(JSON.parse(out)).toEqual({ fastify: true, kysely: true, exceljs: false, s3: false, ioredis: false, limiter: false, nodemailer: false, docx: false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
