import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Runs the built command (bin/bluezone.js → dist), as a shell pipeline does: `npm test` builds first.
const bin = fileURLToPath(new URL('../bin/bluezone.js', import.meta.url));

/** Starts `bluezone args` with a reader that has already gone (as `| head` once it has its lines), and waits. */
function runAndCloseOutputEarly(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Closing our end of the pipe before the command writes makes every write of its fail with EPIPE.
    child.stdout.destroy();
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('bluezone with a reader that stops early (`| head`)', () => {
  it('ends quietly with exit 0 instead of an EPIPE stack trace', async () => {
    const tek = '00112233445566778899aabbccddeeff';
    const { code, stderr } = await runAndCloseOutputEarly(['keys', 'derive', '--tek', tek, '--interval', '2650000', '--count', '10']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
