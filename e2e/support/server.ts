import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What the real server needs on disk; `npm test` builds it first (pretest), a bare `vitest` run may not have. */
const BUILD_OUTPUTS = ['apps/cli/dist/main.js', 'apps/console/dist/index.html'];

export interface RunningServer {
  baseUrl: string;
  adminPassword: string;
  /** The server's data directory (SQLite database, signing keys, exports), for commands run beside it. */
  dataDir: string;
  /** Everything the process printed, for failure messages. */
  output: () => string;
  /** Kills the process with `signal` (SIGKILL: a crash) and resolves once it is gone; the data directory stays. */
  kill: (signal: NodeJS.Signals) => Promise<void>;
  /** Stops the server; its own data directory goes too, unless `keepDataDir` (to start another server on it). */
  stop: (options?: { keepDataDir?: boolean }) => Promise<void>;
}

/** A port nobody listens on right now: the kernel picks it when we listen on port 0. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no port from the kernel'))));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts `bluezone serve` from the repository root with a fresh data directory, and resolves once /readyz answers 200.
 * Fails at once, with the server's output, if the process exits before it is ready.
 */
export async function startServer(options: { readyWithinMs?: number; env?: Record<string, string>; dataDir?: string } = {}): Promise<RunningServer> {
  const missing = BUILD_OUTPUTS.filter((path) => !existsSync(join(REPO_ROOT, path)));
  if (missing.length > 0) throw new Error(`build first (npm run build); missing: ${missing.join(', ')}`);

  const port = await freePort();
  // A given data directory is the caller's (a server restarted on the same data): it is kept when this one stops.
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'bluezone-e2e-')));
  const adminPassword = `e2e-Admin-${port}-pass`;
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, ['apps/cli/bin/bluezone.js', 'serve'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      BLUEZONE_DATA_DIR: dataDir,
      BLUEZONE_ADMIN_PASSWORD: adminPassword,
      // With REDIS_URL set (as CI sets it), each server counts its rate limits apart, so test files running at once
      // never share an address's count; a test of several processes passes one prefix for all of them.
      BLUEZONE_REDIS_PREFIX: `bz_e2e_${randomBytes(6).toString('hex')}`,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async (stopOptions: { keepDataDir?: boolean } = {}) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(forced);
    }
    if (ownDataDir && !stopOptions.keepDataDir) await rm(dataDir, { recursive: true, force: true });
  };

  // Readiness is an event we poll for, bounded so a hung server fails the run instead of stalling it.
  const deadline = Date.now() + (options.readyWithinMs ?? 90_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server not ready at ${baseUrl}/readyz:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const kill = async (signal: NodeJS.Signals) => {
    child.kill(signal);
    await exited(child);
  };
  return { baseUrl, adminPassword, dataDir, output: () => output, kill, stop };
}

/**
 * The environment of a server whose clock runs `seconds` ahead (support/shifted-clock.mjs, preloaded with --import):
 * restarted on the same data directory, it sees a deadline that has passed.
 */
export function laterClockEnv(seconds: number): Record<string, string> {
  const preload = join(REPO_ROOT, 'e2e', 'support', 'shifted-clock.mjs');
  return { NODE_OPTIONS: `--import=${preload}`, BLUEZONE_E2E_CLOCK_SHIFT_SECONDS: String(seconds) };
}
