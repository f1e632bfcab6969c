import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Compressed answers (brotli or gzip, as the client accepts) for the console's API and pages, so an official on a
 * phone's mobile data, or a citizen opening the declaration page, downloads about a third of the bytes. The console's
 * built files carry their own .br and .gz, made at build time at the highest level (see static.ts); everything else
 * above a kilobyte is compressed as it is answered, brotli at level 4 (the library's default: level 11 costs ten times
 * the CPU for a few per cent).
 *
 * Three kinds of answer are never compressed:
 * - the phones' upload routes (`config.padded`): their padding hides which answer was given (phone-routes.ts), and a
 *   compressed length would tell it again;
 * - export files under /exports/: zips do not shrink, and a CDN in front caches them by path alone (no variant per
 *   Accept-Encoding; the server README says what a CDN must be told);
 * - the session's answers, whose body holds the CSRF token (a secret in a compressed body beside text a page can
 *   influence is what the BREACH attack reads; these are short, but stay uncompressed should they grow).
 * Request bodies are not decompressed: clients send plain JSON, and a compressed body would pass the body limit small
 * and grow past it.
 */
/** The routes whose answer holds the CSRF token (compression.test.ts finds them in the OpenAPI document). */
export const CSRF_TOKEN_ROUTES = new Set(['/api/v1/auth/login', '/api/v1/auth/me']);

export async function installCompression(app: FastifyInstance): Promise<void> {
  // Before the plugin's own onRoute hook, which reads `compress` as each route is added.
  app.addHook('onRoute', (route) => {
    if (route.config?.padded || route.url.startsWith('/exports/') || CSRF_TOKEN_ROUTES.has(route.url)) route.compress = false;
  });
  await app.register(fastifyCompress, { globalDecompression: false, encodings: ['br', 'gzip'], threshold: 1024 });
}
