import type { Command } from 'commander';
import {
  AppError,
  ConfigError,
  ROLES,
  SYSTEM_ACTOR,
  checkNewUser,
  loadConfig,
  migrateToLatest,
  openDatabase,
  prepareRuntime,
  startServer,
  type ServerConfig,
} from '@bluezone/server';
import { CliError, type CliIo } from '../io.js';

/** The configuration from the environment; a bad one becomes one error listing every problem. */
function configFromEnv(): ServerConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
}

/** Resolves on the first SIGINT or SIGTERM, so `serve` can close connections and the database before exiting. */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

async function serve(io: CliIo): Promise<void> {
  const config = configFromEnv();
  const server = await startServer(config, { announce: (line) => io.out(line) });
  io.out(`Bluezone listening on ${server.url} (database: ${config.database.url ? 'PostgreSQL' : config.database.sqlitePath})\n`);
  const signal = await untilStopped();
  io.out(`${signal}: stopping\n`);
  await server.close();
}

async function migrate(io: CliIo): Promise<void> {
  const config = configFromEnv();
  const { db } = openDatabase(config.database);
  try {
    const applied = await migrateToLatest(db);
    io.out(applied.length === 0 ? 'database is up to date\n' : applied.map((name) => `applied ${name}\n`).join(''));
  } finally {
    await db.destroy();
  }
}

// Flags as the user typed them, for messages about the fields they fill.
const FLAG_OF: Record<string, string> = {
  username: '--username',
  password: '--password',
  role: '--role',
  unitCode: '--unit',
  displayName: '--display-name',
  agencyCode: '--agency',
  email: '--email',
};

interface CreateUserOptions {
  username: string;
  password: string;
  role: string;
  unit: string;
  displayName?: string;
  agency?: string;
  email?: string;
}

async function createUser(io: CliIo, options: CreateUserOptions): Promise<void> {
  const checked = checkNewUser({
    username: options.username,
    password: options.password,
    role: options.role,
    unitCode: options.unit,
    displayName: options.displayName ?? options.username,
    ...(options.agency !== undefined && { agencyCode: options.agency }),
    ...(options.email !== undefined && { email: options.email }),
  });
  if (!checked.ok) {
    throw new CliError(checked.issues.map((i) => `${FLAG_OF[i.field] ?? i.field}: ${i.message}`).join('; '));
  }
  const runtime = await prepareRuntime(configFromEnv(), (line) => io.out(line));
  try {
    const user = await runtime.services.users.create(SYSTEM_ACTOR, checked.value);
    const agency = user.agencyCode === null ? '' : `, agency ${user.agencyCode} ${user.agencyName ?? ''}`.trimEnd();
    io.out(`created user "${user.username}" (id ${user.id}, ${user.role}, ${user.unitCode} ${user.unitName}${agency})\n`);
  } catch (error) {
    // The service names body fields ("agencyCode: …"); the person typed flags.
    if (error instanceof AppError) throw new CliError(error.message.replace(/^(\w+):/, (prefix, field: string) => (FLAG_OF[field] ? `${FLAG_OF[field]}:` : prefix)));
    throw error;
  } finally {
    await runtime.close();
  }
}

export function registerServerCommands(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('run the server (API, console, export files) with the configuration in the environment')
    .action(() => serve(io));

  program
    .command('db')
    .description('database maintenance')
    .command('migrate')
    .description('apply pending database migrations (SQLite in BLUEZONE_DATA_DIR, or DATABASE_URL)')
    .action(() => migrate(io));

  program
    .command('admin')
    .description('administration without the web console')
    .command('create-user')
    .description('create an account (the database is migrated and seeded first if needed)')
    .requiredOption('--username <name>', 'sign-in name: lower-case letters, digits, ".", "-", "_"')
    .requiredOption('--password <password>', 'at least 10 characters')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .requiredOption('--unit <code>', 'administrative unit code, e.g. 20 (Lạng Sơn) or 06184 (xã Đồng Đăng)')
    .option('--display-name <name>', 'name shown in the console (default: the username)')
    .option('--agency <code>', 'the agency an agency_reporter reports for (its code, e.g. 20-001); required for that role')
    .option('--email <address>', 'where campaign reminders are e-mailed, when SMTP is configured')
    .action((options: CreateUserOptions) => createUser(io, options));
}
