/**
 * @jest-environment node
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const script = join(__dirname, 'licences.mjs');
const listed = JSON.parse(readFileSync(join(__dirname, '../src/screens/settings/licences.gen.json'), 'utf8'));
const check = (file?: string) => execFileSync(process.execPath, [script, '--check', ...(file ? [file] : [])], { stdio: 'pipe' });

describe('the licences screen', () => {
  it('lists the installed packages the app ships (run node scripts/licences.mjs after changing them)', () => {
    expect(() => check()).not.toThrow();
  });

  it('is found out of date when a package changed version or a runtime dependency is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'licences-'));
    try {
      const stale = structuredClone(listed);
      stale.packages.find((p: { name: string }) => p.name === 'scheduler').version = '0.0.1';
      writeFileSync(join(dir, 'stale.json'), JSON.stringify(stale));
      expect(() => check(join(dir, 'stale.json'))).toThrow(/scheduler: now .*, listed 0\.0\.1/);
      const missing = { ...listed, packages: listed.packages.filter((p: { name: string }) => p.name !== 'zod') };
      writeFileSync(join(dir, 'missing.json'), JSON.stringify(missing));
      expect(() => check(join(dir, 'missing.json'))).toThrow(/zod: a runtime dependency, not listed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
