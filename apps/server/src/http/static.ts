import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EXPORT_FILE_CACHE_CONTROL, EXPORT_INDEX_CACHE_CONTROL } from '../export/export.cache.js';
import type { ExportConfig } from '../export/export.config.js';
import type { BaseConfig } from '../platform/base-config.js';
import { APP_CONTENT_SECURITY_POLICY, contentSecurityPolicyHeader } from './content-security-policy.js';
import { PUBLIC } from './access.js';
import { sendError } from './errors.js';

const CONSOLE_MISSING = `<!doctype html><meta charset="utf-8"><title>Bluezone</title>
<h1>Bluezone</h1>
<p>The API is running, but the web console is not built. Run <code>npm run build</code> (or set BLUEZONE_CONSOLE_DIR to a
built console) and restart the server.</p>
<p>Bảng điều khiển web chưa được build. Hãy chạy <code>npm run build</code> rồi khởi động lại máy chủ.</p>
`;

const APP_MISSING = `<!doctype html><meta charset="utf-8"><title>Bluezone</title>
<h1>Bluezone</h1>
<p>Ứng dụng Bluezone (bản web để trình diễn) chưa được build. Hãy chạy <code>npm run install:mobile</code> và
<code>npm run build:mobile</code>, rồi khởi động lại máy chủ.</p>
<p>The Bluezone app's web demo is not built. Run <code>npm run install:mobile</code> and <code>npm run build:mobile</code>
(or set BLUEZONE_APP_DIR to a built app) and restart the server.</p>
`;

const isAppPath = (url: string) => url === '/app' || url.startsWith('/app/');

/** For a built file whose name holds a hash of its content: a new build gives new names, never other bytes. */
const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/**
 * Headers of a built file: immutable caching under one of `hashedDirs` (hashed names), revalidation on every use
 * elsewhere (the library's own header would otherwise replace ours), and `Vary: Accept-Encoding`, since the same
 * path is answered as brotli, gzip or plain (from the build's .br and .gz, or compressed as sent: compression.ts).
 */
function builtFileHeaders(hashedDirs: readonly string[]) {
  const prefixes = hashedDirs.map((dir) => `${path.resolve(dir)}${path.sep}`);
  return (response: { setHeader(name: string, value: string): unknown }, filePath: string) => {
    const hashed = prefixes.some((prefix) => path.resolve(filePath).startsWith(prefix));
    response.setHeader('cache-control', hashed ? IMMUTABLE_CACHE_CONTROL : 'no-cache');
    response.setHeader('vary', 'accept-encoding');
  };
}

/**
 * Serves export files under /exports/, the citizen app's web demo under /app/ and the built console at /, and answers
 * everything else: API paths and other methods get a JSON `not_found`; other GETs get the index.html of the app (under
 * /app/) or of the console, so their own routers handle deep links (SPA fallback).
 *
 * Export files are served for phones and CDNs: ETag and Last-Modified (conditional requests answer 304), byte
 * ranges (a phone resumes a broken download), and Cache-Control from export.cache.ts (a year for a zip, whose name
 * never gets other bytes; a minute and revalidation for index.txt). When they live in an object store, /exports/
 * redirects to its public URL (or answers not_found without one).
 *
 * The console's and the app's built scripts, styles and images have hashed names, so they are cached for a year as
 * immutable; their index.html is always revalidated, and names a new build's files. The console's files are sent from
 * the .br or .gz its build wrote beside them when the client accepts one; the app's are compressed as they are sent
 * (compression.ts).
 */
export async function registerStatic(
  app: FastifyInstance,
  { exportsDir, http, export: exports }: BaseConfig & { export: Pick<ExportConfig, 'objectStore' | 'publicUrl'> },
): Promise<(request: FastifyRequest, reply: FastifyReply) => FastifyReply> {
  if (exports.objectStore) {
    app.get('/exports/*', { config: { access: PUBLIC }, schema: { hide: true } }, (request, reply) => {
      const path = request.url.slice('/exports/'.length).split('?')[0]!;
      if (!exports.publicUrl) return sendError(reply, 'not_found', 'export files are served from the object store');
      return reply.redirect(`${exports.publicUrl}/${path}`, 302);
    });
  } else {
    mkdirSync(exportsDir, { recursive: true });
    await app.register(fastifyStatic, {
      root: exportsDir,
      prefix: '/exports/',
      decorateReply: false,
      index: false,
      cacheControl: false,
      acceptRanges: true,
      etag: true,
      lastModified: true,
      // Half-written files (`*.tmp`, renamed into place when complete) are never served.
      allowedPath: (pathName) => !pathName.endsWith('.tmp'),
      setHeaders: (response, filePath) => {
        response.setHeader('cache-control', filePath.endsWith('index.txt') ? EXPORT_INDEX_CACHE_CONTROL : EXPORT_FILE_CACHE_CONTROL);
        if (filePath.endsWith('.zip')) response.setHeader('content-type', 'application/zip');
      },
    });
  }

  // The citizen app's web demo (Expo's web export, built with baseUrl /app); its scripts have hashed names.
  const appBuilt = existsSync(path.join(http.appDir, 'index.html'));
  if (appBuilt) {
    // Expo names its bundles (_expo/static) and images (assets/) by their content's hash.
    const setHeaders = builtFileHeaders([path.join(http.appDir, '_expo', 'static'), path.join(http.appDir, 'assets')]);
    await app.register(fastifyStatic, { root: http.appDir, prefix: '/app/', decorateReply: false, redirect: true, cacheControl: false, setHeaders });
    // Its pages carry the app's own policy (see content-security-policy.ts); every other answer keeps the console's.
    const appPolicy = contentSecurityPolicyHeader(APP_CONTENT_SECURITY_POLICY);
    app.addHook('onSend', async (request, reply) => {
      if (isAppPath(request.url.split('?')[0]!)) reply.header('content-security-policy', appPolicy);
    });
  }

  const consoleBuilt = existsSync(path.join(http.consoleDir, 'index.html'));
  if (consoleBuilt) {
    // Vite names everything under assets/ by its content's hash.
    const setHeaders = builtFileHeaders([path.join(http.consoleDir, 'assets')]);
    await app.register(fastifyStatic, { root: http.consoleDir, prefix: '/', wildcard: true, preCompressed: true, cacheControl: false, setHeaders });
  }

  return (request, reply) => {
    const url = request.url.split('?')[0]!;
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !url.startsWith('/api/') && !url.startsWith('/exports/');
    if (!isPage) return sendError(reply, 'not_found', `no route ${request.method} ${url}`);
    if (isAppPath(url)) {
      // The app's own router reads the path (deep links such as /app/settings), as the console's does.
      if (appBuilt) return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(readFileSync(path.join(http.appDir, 'index.html')));
      return reply.code(404).type('text/html; charset=utf-8').send(APP_MISSING);
    }
    if (consoleBuilt) return reply.header('cache-control', 'no-cache').sendFile('index.html', http.consoleDir);
    return reply.code(url === '/' ? 200 : 404).type('text/html; charset=utf-8').send(CONSOLE_MISSING);
  };
}
