import { InvalidArgumentError, type Command } from 'commander';
import type { CliIo } from '../io.js';

/**
 * `bluezone risk --cases FILE [--preset NAME]` runs risk test cases shaped like Corona-Warn-App's
 * exposure-windows-risk-calculation.json: `{ defaultRiskCalculationConfiguration?, testCases: [{ description,
 * exposureWindows, expTotalRiskLevel, expAgeOfMostRecentDateWithLowRisk, ... }] }`.
 *
 * Which configuration: `--preset` when given (it wins over the file, so one file can be run against several
 * presets); otherwise the file's `defaultRiskCalculationConfiguration`; otherwise the `bluezone` preset.
 *
 * Output, one line per case then a summary; exit 0 only if every case passes:
 *   pass  <description>
 *   FAIL  <description>: expected totalRiskLevel=2 numberOfDaysWithHighRisk=1, got totalRiskLevel=1 numberOfDaysWithHighRisk=0
 *   19 passed, 1 failed (configuration: preset cwa)
 */

// Options only: the protocol loads when the command runs (risk.actions.ts), so `--help` stays instant.
const actions = () => import('./risk.actions.js');

/** The protocol's riskPresets names, written here so help needs no protocol (risk.test.ts checks they agree). */
export const RISK_PRESET_NAMES = ['bluezone', 'cwa'] as const;

function presetName(value: string): string {
  if (!(RISK_PRESET_NAMES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`must be one of: ${RISK_PRESET_NAMES.join(', ')}`);
  }
  return value;
}

export function registerRiskCommand(program: Command, io: CliIo): void {
  program
    .command('risk')
    .description('run exposure-window risk test cases (Corona-Warn-App file format) against a risk configuration')
    .requiredOption('--cases <file>', 'JSON file with testCases (and optionally defaultRiskCalculationConfiguration)')
    .option('--preset <name>', `risk configuration: ${RISK_PRESET_NAMES.join(' or ')} (default: the file's, else bluezone)`, presetName)
    .action(async (options: { cases: string; preset?: string }) => (await actions()).runRiskCases(io, options));
}
