// The work of `bluezone serve`, `db migrate` and `admin create-user`, loaded only when one runs (see server.ts).
import type { AddressInfo } from 'node:net';
import { AppError, SYSTEM_ACTOR, checkNewUser, migrateToLatest, openDatabase, prepareRuntime, startServer } from '@bluezone/server';
import { CliError, UsageError, type CliIo } from '../io.js';
import { serverConfigFromEnv as configFromEnv } from '../server-runtime.js';

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

/**
 * Where the server listens, as bound. A wildcard host (HOST=0.0.0.0, the default, or ::) accepts connections on every
 * address of the machine, which an operator must know (it is reachable from the network, not only from itself), so it
 * is named as such, with a URL that works from the machine itself.
 *
 * @example describeListening([{ address: '0.0.0.0', family: 'IPv4', port: 8080 }])
 *   // 'every IPv4 address of this machine on port 8080 (0.0.0.0:8080), http://127.0.0.1:8080 from here'
 */
export function describeListening(addresses: readonly AddressInfo[]): string {
  const host = (a: AddressInfo) => (a.family === 'IPv6' ? `[${a.address}]` : a.address);
  return addresses
    .map((a) => {
      if (a.address === '0.0.0.0') return `every IPv4 address of this machine on port ${a.port} (0.0.0.0:${a.port}), http://127.0.0.1:${a.port} from here`;
      if (a.address === '::') return `every address of this machine on port ${a.port} ([::]:${a.port}), http://localhost:${a.port} from here`;
      return `http://${host(a)}:${a.port}`;
    })
    .join(' and ');
}

export async function serve(io: CliIo): Promise<void> {
  const config = await configFromEnv();
  const server = await startServer(config, { announce: (line) => io.out(line) });
  const database = config.database.url ? 'PostgreSQL' : config.database.sqlitePath;
  io.out(`Bluezone listening on ${describeListening(server.addresses)} (database: ${database})\n`);
  const signal = await untilStopped();
  io.out(`${signal}: stopping\n`);
  await server.close();
}

export async function migrate(io: CliIo): Promise<void> {
  const config = await configFromEnv();
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

export interface CreateUserOptions {
  username: string;
  password: string;
  role: string;
  unit: string;
  displayName?: string;
  agency?: string;
  email?: string;
}

export async function createUser(io: CliIo, options: CreateUserOptions): Promise<void> {
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
    // Values the schema refuses are usage errors (exit 2), one sentence per problem: "--password must be at least …".
    throw new UsageError(checked.issues.map((i) => `${FLAG_OF[i.field] ?? i.field} ${i.message}`).join('; '));
  }
  const runtime = await prepareRuntime(await configFromEnv(), (line) => io.out(line));
  try {
    const user = await runtime.services.users.create(SYSTEM_ACTOR, checked.value);
    const agency = user.agencyCode === null ? '' : `, agency ${user.agencyCode} ${user.agencyName ?? ''}`.trimEnd();
    io.out(`created user "${user.username}" (id ${user.id}, ${user.role}, ${user.unitCode} ${user.unitName}${agency})\n`);
  } catch (error) {
    if (error instanceof AppError) {
      // The service names body fields ("agencyCode: …"); the person typed flags. A combination of flags the service
      // refuses (an agency reporter without --agency) is a usage error, as a value the schema refuses is.
      const message = error.message.replace(/^(\w+):/, (prefix, field: string) => (FLAG_OF[field] ? `${FLAG_OF[field]}:` : prefix));
      throw error.code === 'validation_failed' ? new UsageError(message) : new CliError(message);
    }
    throw error;
  } finally {
    await runtime.close();
  }
}

