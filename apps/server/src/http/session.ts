// The cookie plugin's types: request.cookies (registered in app.ts).
import type {} from '@fastify/cookie';
import { CSRF_HEADER, SESSION_COOKIE, type User } from '@bluezone/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.js';

/** A signed-in request's identity, as routes and services see it. */
export interface SessionUser {
  user: User;
  csrfToken: string;
  tokenHash: string;
}

/** What the session hook needs of the identity domain: the session a cookie names, if it is still valid. */
export interface Authenticator {
  authenticate(token: string): Promise<SessionUser | undefined>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, when the request carries a valid session cookie. */
    session: SessionUser | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Signing in needs no token: it has none yet, SameSite=Strict keeps other sites' forms from carrying the cookie, and
// only application/json bodies are accepted, which a cross-site form cannot send.
const CSRF_EXEMPT = new Set(['/api/v1/auth/login']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves the session cookie of every API request, and refuses a state-changing request that carries a session
 * cookie without that session's CSRF token in `X-CSRF-Token` (double submission: a page of another origin can make
 * the browser send the cookie, but cannot read the token).
 */
export function installSessionHook(app: FastifyInstance, authenticator: Authenticator): void {
  app.decorateRequest('session', null);
  // A callback hook with an async part: a request without a session cookie (every phone's) costs no promise.
  app.addHook('onRequest', (request, _reply, done) => {
    if (!request.url.startsWith('/api/')) return done();
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return done();
    resolveSession(request, token).then(() => done(), done);
  });

  async function resolveSession(request: FastifyRequest, token: string): Promise<void> {
    const session = await authenticator.authenticate(token);
    if (!session) return;
    request.session = session;
    if (SAFE_METHODS.has(request.method) || CSRF_EXEMPT.has(request.url.split('?')[0]!)) return;
    const header = request.headers[CSRF_HEADER];
    if (typeof header !== 'string' || !sameToken(header, session.csrfToken)) {
      throw new AppError('csrf_failed', `missing or wrong ${CSRF_HEADER} header`);
    }
  }
}
