import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { describeListening } from './server.actions.js';

// Runs the built command (bin/bluezone.js → dist): `npm test` builds first.
const bin = fileURLToPath(new URL('../../bin/bluezone.js', import.meta.url));
const dataDirs: string[] = [];
afterEach(() => {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Starts `bluezone serve` with HOST, port 0 (any free one), waits for its "listening" line, then stops it. */
function listeningLine(host: string): Promise<string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bluezone-serve-'));
  dataDirs.push(dataDir);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'serve'], {
      env: { ...process.env, HOST: host, PORT: '0', BLUEZONE_DATA_DIR: dataDir, BLUEZONE_ADMIN_PASSWORD: 'first admin password', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let line = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /^Bluezone listening .*$/m.exec(out);
      if (found !== null && line === '') {
        line = found[0];
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => (line === '' ? reject(new Error(`no listening line:\n${out}`)) : resolve(line)));
  });
}

describe('bluezone serve', () => {
  it('says it listens on every address when HOST is 0.0.0.0, not on 127.0.0.1 alone', async () => {
    const line = await listeningLine('0.0.0.0');
    expect(line).toMatch(/^Bluezone listening on every IPv4 address of this machine on port \d+ \(0\.0\.0\.0:\d+\), http:\/\/127\.0\.0\.1:\d+ from here \(database: /);
  });

  it('gives the one address it listens on when HOST is one address', async () => {
    expect(await listeningLine('127.0.0.1')).toMatch(/^Bluezone listening on http:\/\/127\.0\.0\.1:(\d+) \(database: /);
  });
});

describe('describeListening', () => {
  it('names wildcard, IPv4 and IPv6 addresses as they are bound', () => {
    expect(describeListening([{ address: '::', family: 'IPv6', port: 8080 }])).toBe(
      'every address of this machine on port 8080 ([::]:8080), http://localhost:8080 from here',
    );
    expect(describeListening([{ address: '::1', family: 'IPv6', port: 80 }])).toBe('http://[::1]:80');
    expect(describeListening([{ address: '10.0.0.5', family: 'IPv4', port: 8080 }])).toBe('http://10.0.0.5:8080');
    expect(describeListening([
      { address: '127.0.0.1', family: 'IPv4', port: 8080 },
      { address: '::1', family: 'IPv6', port: 8080 },
    ])).toBe('http://127.0.0.1:8080 and http://[::1]:8080');
  });
});
