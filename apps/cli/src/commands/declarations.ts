import type { Command } from 'commander';
import type { CliIo } from '../io.js';

/**
 * `bluezone declarations purge`: deletes the health declarations past their retention period now, as the server's
 * own job does every hour. Options only here: the server loads when the command runs (declarations.actions.ts).
 */
const actions = () => import('./declarations.actions.js');

export function registerDeclarationsCommands(program: Command, io: CliIo): void {
  const declarations = program.command('declarations').description('health declarations (personal data, kept for a retention period)');
  declarations
    .command('purge')
    .description('delete declarations, with their receipts, visits, follow-up and checks, made longer ago than BLUEZONE_DECLARATION_RETENTION (default 30 days)')
    .option('--json', 'print {"deleted","before"} instead of a sentence')
    .action(async (options: { json?: boolean }) => (await actions()).purge(io, options));
}
