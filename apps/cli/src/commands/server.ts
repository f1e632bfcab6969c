import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import type { CreateUserOptions } from './server.actions.js';

// Options only: the server (fastify, the database drivers) loads when a command runs, in server.actions.ts.
const actions = () => import('./server.actions.js');

/**
 * The contract's ROLES, written here so help needs neither the contract nor zod (server.test.ts checks they agree);
 * the values themselves are checked by the contract's schema when the command runs.
 */
export const ACCOUNT_ROLES = ['admin', 'health_officer', 'unit_officer', 'agency_reporter', 'campaign_issuer'] as const;

export function registerServerCommands(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('run the server (API, console, export files) with the configuration in the environment')
    .action(async () => (await actions()).serve(io));

  program
    .command('db')
    .description('database maintenance')
    .command('migrate')
    .description('apply pending database migrations (SQLite in BLUEZONE_DATA_DIR, or DATABASE_URL)')
    .action(async () => (await actions()).migrate(io));

  program
    .command('admin')
    .description('administration without the web console')
    .command('create-user')
    .description('create an account (the database is migrated and seeded first if needed)')
    .requiredOption('--username <name>', 'sign-in name: lower-case letters, digits, ".", "-", "_"')
    .requiredOption('--password <password>', 'at least 10 characters')
    .requiredOption('--role <role>', `one of ${ACCOUNT_ROLES.join(', ')}`)
    .requiredOption('--unit <code>', 'administrative unit code, e.g. 20 (Lạng Sơn) or 06184 (xã Đồng Đăng)')
    .option('--display-name <name>', 'name shown in the console (default: the username)')
    .option('--agency <code>', 'the agency an agency_reporter reports for (its code, e.g. 20-001); required for that role')
    .option('--email <address>', 'where notifications are e-mailed (campaign reminders, new declarations), when SMTP is configured')
    .action(async (options: CreateUserOptions) => (await actions()).createUser(io, options));
}
