import type { Runtime, ServerConfig } from '@bluezone/server';
import { CliError } from './io.js';

// The server package (fastify, kysely, database drivers) takes about 300 ms to load: commands load it only when they
// run, through these two functions, so that `keys derive` or `--help` never pay for it.

/** The server's configuration from the environment; a bad one becomes one error listing every problem. */
export async function serverConfigFromEnv(): Promise<ServerConfig> {
  const { ConfigError, loadConfig } = await import('@bluezone/server');
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
}

/**
 * Runs `action` on the services over the server's database (the data directory's SQLite, or DATABASE_URL), beside
 * a running server if there is one, and closes the database afterwards.
 */
export async function withServerRuntime<T>(action: (runtime: Runtime, config: ServerConfig) => Promise<T>): Promise<T> {
  const config = await serverConfigFromEnv();
  const { openRuntime } = await import('@bluezone/server');
  const runtime = await openRuntime(config);
  try {
    return await action(runtime, config);
  } finally {
    await runtime.close();
  }
}
