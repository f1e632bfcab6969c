import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HttpConfig } from '../config.js';
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

/**
 * Serves export files under /exports/ and the built console at /, and answers everything else: API paths and other
 * methods get a JSON `not_found`; other GETs get the console's index.html, so the console's own router handles deep
 * links (SPA fallback).
 */
export async function registerStatic(app: FastifyInstance, config: HttpConfig): Promise<(request: FastifyRequest, reply: FastifyReply) => FastifyReply> {
  mkdirSync(config.exportsDir, { recursive: true });
  await app.register(fastifyStatic, { root: config.exportsDir, prefix: '/exports/', decorateReply: false, index: false });

  // The citizen app's web demo at /app/ (Expo's web export, built with baseUrl /app); its scripts have hashed names.
  const appBuilt = existsSync(path.join(config.appDir, 'index.html'));
  if (appBuilt) await app.register(fastifyStatic, { root: config.appDir, prefix: '/app/', decorateReply: false, redirect: true });

  const consoleBuilt = existsSync(path.join(config.consoleDir, 'index.html'));
  if (consoleBuilt) await app.register(fastifyStatic, { root: config.consoleDir, prefix: '/', wildcard: true });

  return (request, reply) => {
    const url = request.url.split('?')[0]!;
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !url.startsWith('/api/') && !url.startsWith('/exports/');
    if (!isPage) return sendError(reply, 'not_found', `no route ${request.method} ${url}`);
    if (url === '/app' || url.startsWith('/app/')) {
      if (appBuilt) return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(readFileSync(path.join(config.appDir, 'index.html')));
      return reply.code(404).type('text/html; charset=utf-8').send(APP_MISSING);
    }
    if (consoleBuilt) return reply.header('cache-control', 'no-cache').sendFile('index.html', config.consoleDir);
    return reply.code(url === '/' ? 200 : 404).type('text/html; charset=utf-8').send(CONSOLE_MISSING);
  };
}
