import { withServerRuntime } from '../server-runtime.js';
import type { CliIo } from '../io.js';

/** Runs the declarations' retention once over the server's database (beside a running server if there is one). */
export async function purge(io: CliIo, options: { json?: boolean }): Promise<void> {
  await withServerRuntime(async ({ services }, config) => {
    const { deleted, before } = await services.declarations.retention.purge();
    const days = config.declarations.retentionSeconds / 86_400;
    io.out(options.json ? `${JSON.stringify({ deleted, before })}\n` : `deleted ${deleted} declaration${deleted === 1 ? '' : 's'} made before ${before} (retention ${days} days)\n`);
  });
}
