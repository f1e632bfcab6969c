import { Command, CommanderError } from 'commander';
import { CliError, UsageError, processIo, type CliIo } from './io.js';

export { endQuietlyWhenOutputCloses } from './io.js';
import { registerKeysCommands } from './commands/keys.js';
import { registerExportCommands } from './commands/export.js';
import { registerRiskCommand } from './commands/risk.js';
import { registerProximityCommands } from './commands/proximity.js';
import { registerBenchCommands } from './commands/bench.js';
import { registerServerCommands } from './commands/server.js';
import { registerDeclarationsCommands } from './commands/declarations.js';

/**
 * Every command registers itself on the program; `register*` functions live one per file in ./commands. Registering
 * is cheap (options and descriptions only); what a command needs loads when it runs, from its `*.actions.ts`.
 */
export function buildProgram(io: CliIo): Command {
  const program = new Command('bluezone')
    .description('Bluezone: contact tracing protocol tools and server')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride();
  registerServerCommands(program, io);
  registerKeysCommands(program, io);
  registerExportCommands(program, io);
  registerRiskCommand(program, io);
  registerProximityCommands(program, io);
  registerBenchCommands(program, io);
  registerDeclarationsCommands(program, io);
  // Sub-commands inherit output and exit handling so a bad flag anywhere returns an exit code instead of exiting.
  const inherit = (cmd: Command) => {
    for (const sub of cmd.commands) {
      sub.configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) }).exitOverride();
      sub.showHelpAfterError('(run with --help for usage)');
      inherit(sub);
    }
  };
  inherit(program);
  return program;
}

/**
 * Runs `bluezone` with the given arguments and returns the exit code: 0 on success, 1 on a failure of the
 * command, 2 on a usage error (unknown command or flag, missing argument).
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const program = buildProgram(io);
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0; usage errors were already printed by commander.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof CliError) {
      io.err(`error: ${error.message}\n${error instanceof UsageError ? '(run with --help for usage)\n' : ''}`);
      return error.exitCode;
    }
    // Loaded here, not at the top: the command that threw has loaded the protocol already, and --help never needs it.
    const { ProtocolError } = await import('@bluezone/protocol');
    if (error instanceof ProtocolError) {
      io.err(`error: ${error.code}: ${error.message}\n`);
      return 1;
    }
    io.err(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
