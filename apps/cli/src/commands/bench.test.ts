import { describe, expect, it } from 'vitest';
import { bufferIo } from '../io.js';
import { main } from '../main.js';
import { BENCHMARKS } from './bench.actions.js';

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('bluezone bench match', () => {
  it('prints exactly the JSON fields, and finds the contacts it planted', async () => {
    const { code, stdout, stderr } = await run('bench', 'match', '--keys', '400', '--workers', '2', '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Record<string, number>;
    expect(Object.keys(result)).toEqual(['keys', 'seconds', 'keysPerSecond', 'workers', 'matches']);
    expect(result.keys).toBe(400);
    expect(result.workers).toBe(2);
    // 20 encounters of 5 to 40 minutes, one sighting every 5 minutes.
    expect(result.matches).toBeGreaterThanOrEqual(20);
    expect(result.keysPerSecond).toBeGreaterThan(0);
    expect(stdout.endsWith('}\n')).toBe(true);
  });

  it('prints a readable line in this thread too', async () => {
    const { code, stdout } = await run('bench', 'match', '--keys', '50', '--workers', '0');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^match: 50 keys in \d+\.\d{3} s = \d+ keys\/s \(0 workers, \d+ sightings over 14 days, \d+ matches of 20 contact keys; CPU \d+\.\d{3} s = \d+ keys per CPU second\)\n$/);
  });

  it('exits 2 on bad numbers', async () => {
    expect((await run('bench', 'match', '--keys', '0')).code).toBe(2);
    expect((await run('bench', 'match', '--keys', '10', '--workers', 'x')).code).toBe(2);
  });
});

describe('bluezone bench all', () => {
  it('prints one table row per benchmark', async () => {
    const { code, stdout } = await run('bench', 'all');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^benchmark +size +seconds +rate +what$/);
    expect(lines.slice(1).map((line) => line.split(/ +/)[0])).toEqual(BENCHMARKS.map((b) => b.name));
  });
});
