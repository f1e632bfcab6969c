import { ConfigError, loadConfig, openRuntime, type Runtime, type ServerConfig } from '@bluezone/server';
import { CliError } from './io.js';

/** The server's configuration from the environment; a bad one becomes one error listing every problem. */
export function serverConfigFromEnv(): ServerConfig {
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
  const config = serverConfigFromEnv();
  const runtime = await openRuntime(config);
  try {
    return await action(runtime, config);
  } finally {
    await runtime.close();
  }
}
