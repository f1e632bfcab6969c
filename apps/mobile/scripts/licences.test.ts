/**
 * @jest-environment node
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

describe('the licences screen', () => {
  it('lists exactly the installed runtime dependencies (run node scripts/licences.mjs after changing them)', () => {
    expect(() => execFileSync(process.execPath, [join(__dirname, 'licences.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
