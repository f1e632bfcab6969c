import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../io.js';
import { riskPresets } from '@bluezone/protocol';
import { main } from '../main.js';
import { RISK_PRESET_NAMES } from './risk.js';

const CWA_CASES = new URL('../../../../packages/protocol/test-vectors/risk/cwa-exposure-windows-risk.json', import.meta.url);
const CASES_PATH = fileURLToPath(CWA_CASES);
const cwa = JSON.parse(readFileSync(CWA_CASES, 'utf8')) as { defaultRiskCalculationConfiguration: unknown; testCases: unknown[] };
const dir = mkdtempSync(join(tmpdir(), 'bluezone-risk-'));
function fileWith(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

async function run(argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('bluezone risk', () => {
  it('passes every Corona-Warn-App case with the cwa preset', async () => {
    const { code, out } = await run(['risk', '--preset', 'cwa', '--cases', CASES_PATH]);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe('pass  keep Exposure Windows (< 10 minutes)');
    expect(lines.slice(0, 20).every((line) => line.startsWith('pass  '))).toBe(true);
    expect(lines[20]).toBe('20 passed, 0 failed (configuration: preset cwa)');
    expect(code).toBe(0);
  });

  it("uses the file's configuration when no preset is given", async () => {
    const { code, out } = await run(['risk', '--cases', CASES_PATH]);
    expect(out).toContain('20 passed, 0 failed (configuration: from the file)');
    expect(code).toBe(0);
  });

  it('prints what differs and exits 1 when a case fails', async () => {
    const { code, out, err } = await run(['risk', '--preset', 'bluezone', '--cases', CASES_PATH]);
    expect(code).toBe(1);
    expect(out).toMatch(/^FAIL {2}keep Exposure Windows \(< 10 minutes\): expected totalRiskLevel=2 .*, got totalRiskLevel=1 /m);
    expect(out).toMatch(/\d+ passed, [1-9]\d* failed \(configuration: preset bluezone\)\n$/);
    expect(err).toMatch(/^error: \d+ of 20 risk cases failed\n$/);
  });

  it('refuses malformed files with a clear error', async () => {
    expect((await run(['risk', '--cases', fileWith('bad.json', '{ not json')])).err).toMatch(/bad\.json: invalid JSON/);
    expect((await run(['risk', '--cases', fileWith('empty.json', { testCases: [] })])).err).toMatch(/testCases must be a non-empty array/);
    const missing = { testCases: [{ ...(cwa.testCases[0] as object), expTotalRiskLevel: 'high' }] };
    const result = await run(['risk', '--cases', fileWith('missing.json', missing)]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/testCases\[0\]\.expTotalRiskLevel must be an integer/);
    const badConfig = { ...cwa, defaultRiskCalculationConfiguration: { ...(cwa.defaultRiskCalculationConfiguration as object), trlEncoding: 3 } };
    expect((await run(['risk', '--cases', fileWith('config.json', badConfig)])).err).toMatch(/trlEncoding must be an object/);
    const badWindow = { testCases: [{ ...(cwa.testCases[0] as object), exposureWindows: [{ ageInDays: 'x' }] }] };
    expect((await run(['risk', '--cases', fileWith('window.json', badWindow)])).err).toMatch(/testCases\[0\]: .*ageInDays/);
    expect((await run(['risk', '--cases', join(dir, 'absent.json')])).err).toMatch(/cannot read .*ENOENT/);
  });

  it("offers exactly the protocol's presets", () => {
    expect([...RISK_PRESET_NAMES].sort()).toEqual(Object.keys(riskPresets).sort());
  });

  it('exits 2 on an unknown preset or a missing --cases', async () => {
    expect((await run(['risk', '--preset', 'nope', '--cases', CASES_PATH])).code).toBe(2);
    expect((await run(['risk'])).code).toBe(2);
  });
});
