import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { BaseConfig } from '../platform/base-config.js';
import { sendError } from './errors.js';

const CONSOLE_MISSING = `<!doctype html><meta charset="utf-8"><title>Bluezone</title>
<h1>Bluezone</h1>
<p>The API is running, but the web console is not built. Run <code>npm run build</code> (or set BLUEZONE_CONSOLE_DIR to a
built console) and restart the server.</p>
<p>Bảng điều khiển web chưa được build. Hãy chạy <code>npm run build</code> rồi khởi động lại máy chủ.</p>
`;

/**
 * Serves export files under /exports/ and the built console at /, and answers everything else: API paths and other
 * methods get a JSON `not_found`; other GETs get the console's index.html, so the console's own router handles deep
 * links (SPA fallback).
 */
export async function registerStatic(app: FastifyInstance, { exportsDir, http }: BaseConfig): Promise<(request: FastifyRequest, reply: FastifyReply) => FastifyReply> {
  mkdirSync(exportsDir, { recursive: true });
  await app.register(fastifyStatic, { root: exportsDir, prefix: '/exports/', decorateReply: false, index: false });

  const consoleBuilt = existsSync(path.join(http.consoleDir, 'index.html'));
  if (consoleBuilt) await app.register(fastifyStatic, { root: http.consoleDir, prefix: '/', wildcard: true });

  return (request, reply) => {
    const url = request.url.split('?')[0]!;
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !url.startsWith('/api/') && !url.startsWith('/exports/');
    if (!isPage) return sendError(reply, 'not_found', `no route ${request.method} ${url}`);
    if (consoleBuilt) return reply.header('cache-control', 'no-cache').sendFile('index.html', http.consoleDir);
    return reply.code(url === '/' ? 200 : 404).type('text/html; charset=utf-8').send(CONSOLE_MISSING);
  };
}
