// The work of `bluezone risk`, loaded only when it runs (see risk.ts for the options and the output).
import { readFileSync } from 'node:fs';
import {
  ProtocolError,
  aggregateRisk,
  isRiskPresetName,
  riskPresets,
  validateRiskConfiguration,
  type AggregatedRisk,
  type ExposureWindow,
  type RiskConfiguration,
} from '@bluezone/protocol';
import { CliError, type CliIo } from '../io.js';

export function runRiskCases(io: CliIo, options: { cases: string; preset?: string }): void {
  const file = readCasesFile(options.cases);
  const { configuration, label } = chooseConfiguration(file, options.preset);
  let failed = 0;
  file.testCases.forEach((testCase, i) => {
    let risk: AggregatedRisk;
    try {
      risk = aggregateRisk(testCase.exposureWindows, configuration);
    } catch (error) {
      if (error instanceof ProtocolError) throw new CliError(`${options.cases}: testCases[${i}]: ${error.message}`);
      throw error;
    }
    const differences = EXPECTATIONS.filter(([expected, actual]) => testCase[expected] !== risk[actual]);
    if (differences.length === 0) {
      io.out(`pass  ${testCase.description}\n`);
      return;
    }
    failed++;
    const show = (pick: (pair: Expectation) => string) => differences.map((pair) => `${pair[1]}=${pick(pair)}`).join(' ');
    io.out(
      `FAIL  ${testCase.description}: expected ${show(([e]) => String(testCase[e]))}, got ${show(([, a]) => String(risk[a]))}\n`,
    );
  });
  const total = file.testCases.length;
  io.out(`${total - failed} passed, ${failed} failed (configuration: ${label})\n`);
  if (failed > 0) throw new CliError(`${failed} of ${total} risk cases failed`);
}

type ExpectedField =
  | 'expTotalRiskLevel'
  | 'expAgeOfMostRecentDateWithLowRisk'
  | 'expAgeOfMostRecentDateWithHighRisk'
  | 'expNumberOfDaysWithLowRisk'
  | 'expNumberOfDaysWithHighRisk'
  | 'expTotalMinimumDistinctEncountersWithLowRisk'
  | 'expTotalMinimumDistinctEncountersWithHighRisk';
type Expectation = readonly [ExpectedField, keyof AggregatedRisk & string];

/** Each expected field of the file and the result field it checks. */
const EXPECTATIONS: readonly Expectation[] = [
  ['expTotalRiskLevel', 'totalRiskLevel'],
  ['expAgeOfMostRecentDateWithLowRisk', 'ageOfMostRecentDateWithLowRisk'],
  ['expAgeOfMostRecentDateWithHighRisk', 'ageOfMostRecentDateWithHighRisk'],
  ['expNumberOfDaysWithLowRisk', 'numberOfDaysWithLowRisk'],
  ['expNumberOfDaysWithHighRisk', 'numberOfDaysWithHighRisk'],
  ['expTotalMinimumDistinctEncountersWithLowRisk', 'totalMinimumDistinctEncountersWithLowRisk'],
  ['expTotalMinimumDistinctEncountersWithHighRisk', 'totalMinimumDistinctEncountersWithHighRisk'],
];
const NULLABLE = new Set<ExpectedField>(['expAgeOfMostRecentDateWithLowRisk', 'expAgeOfMostRecentDateWithHighRisk']);

type RiskCase = { description: string; exposureWindows: ExposureWindow[] } & Record<ExpectedField, number | null>;
interface RiskCasesFile {
  defaultRiskCalculationConfiguration?: unknown;
  testCases: RiskCase[];
}

function chooseConfiguration(file: RiskCasesFile, preset: string | undefined): { configuration: RiskConfiguration; label: string } {
  if (preset !== undefined && isRiskPresetName(preset)) return { configuration: riskPresets[preset], label: `preset ${preset}` };
  if (file.defaultRiskCalculationConfiguration !== undefined) {
    try {
      return { configuration: validateRiskConfiguration(file.defaultRiskCalculationConfiguration), label: 'from the file' };
    } catch (error) {
      if (error instanceof ProtocolError) throw new CliError(`defaultRiskCalculationConfiguration: ${error.message}`);
      throw error;
    }
  }
  return { configuration: riskPresets.bluezone, label: 'preset bluezone' };
}

/** Reads and checks the file's shape, naming the first problem with its place in the file. */
function readCasesFile(path: string): RiskCasesFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${path}: invalid JSON: ${(error as Error).message}`);
  }
  const fail = (message: string): never => {
    throw new CliError(`${path}: ${message}`);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('must be a JSON object with testCases');
  const { testCases } = data as { testCases?: unknown };
  if (!Array.isArray(testCases) || testCases.length === 0) return fail('testCases must be a non-empty array');
  testCases.forEach((c: unknown, i) => {
    if (typeof c !== 'object' || c === null) return fail(`testCases[${i}] must be an object`);
    const testCase = c as Record<string, unknown>;
    if (typeof testCase.description !== 'string') fail(`testCases[${i}].description must be a string`);
    if (!Array.isArray(testCase.exposureWindows)) fail(`testCases[${i}].exposureWindows must be an array`);
    for (const [field] of EXPECTATIONS) {
      const value = testCase[field];
      const ok = Number.isSafeInteger(value) || (value === null && NULLABLE.has(field));
      if (!ok) fail(`testCases[${i}].${field} must be an integer${NULLABLE.has(field) ? ' or null' : ''}`);
    }
  });
  return data as RiskCasesFile;
}
