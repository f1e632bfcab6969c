import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { integerIn } from '../option-values.js';

/**
 * `bluezone bench match --keys N [--workers W] [--json]`: derives and matches N published keys against 14 days of
 * sightings of one synthetic phone (3000 background sightings a day, plus encounters with 20 of the N keys so the
 * hit path runs too), and checks that exactly those keys matched. Timed: the whole parallel match, worker start-up
 * included; not timed: generating the phone and building its sighting table. Prints
 *   match: 200000 keys in 1.400 s = 142857 keys/s (2 workers, 42097 sightings over 14 days, 97 matches of 20 contact
 *   keys; CPU 2.700 s = 74074 keys per CPU second)   [one line]
 * or, with --json, exactly {"keys":N,"seconds":S,"keysPerSecond":R,"workers":W,"matches":M}.
 *
 * `bluezone bench all` runs every benchmark of BENCHMARKS with its default size and prints a table. Adding a
 * benchmark is adding one entry there.
 */

// Options only: the protocol and its worker pool load when a benchmark runs (bench.actions.ts).
const actions = () => import('./bench.actions.js');

export function registerBenchCommands(program: Command, io: CliIo): void {
  const bench = program.command('bench').description('measure the speed of the protocol');

  bench
    .command('match')
    .description('derive and match N published keys against 14 days of sightings of one phone')
    .option('--keys <n>', 'published keys', integerIn(1), 100_000)
    .option('--workers <w>', 'worker threads (0: this thread)', integerIn(0, 256), availableParallelism())
    .option('--json', 'print {"keys","seconds","keysPerSecond","workers","matches"}')
    .action(async (options: { keys: number; workers: number; json?: boolean }) => (await actions()).match(io, options));

  bench
    .command('all')
    .description('run every benchmark with its default size and print a table')
    .action(async () => (await actions()).all(io));
}
