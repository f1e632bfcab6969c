import { CSRF_HEADER, SESSION_COOKIE, type Role } from '@bluezone/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.js';
import type { SessionUser } from '../identity/identity.model.js';
import type { IdentityService } from '../identity/identity.service.js';

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
export function installSessionHook(app: FastifyInstance, identity: IdentityService): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await identity.authenticate(token);
    if (!session) return;
    request.session = session;
    if (SAFE_METHODS.has(request.method) || CSRF_EXEMPT.has(request.url.split('?')[0]!)) return;
    const header = request.headers[CSRF_HEADER];
    if (typeof header !== 'string' || !sameToken(header, session.csrfToken)) {
      throw new AppError('csrf_failed', `missing or wrong ${CSRF_HEADER} header`);
    }
  });
}

export function requireSession(request: FastifyRequest): SessionUser {
  if (!request.session) throw new AppError('unauthenticated', 'sign in first');
  return request.session;
}

export function requireAdmin(request: FastifyRequest): SessionUser {
  const session = requireSession(request);
  if (session.user.role !== 'admin') throw new AppError('forbidden', 'administrators only');
  return session;
}

/** The session of a user holding one of `roles`; others get `forbidden`, naming who may. */
export function requireRole(request: FastifyRequest, roles: readonly Role[]): SessionUser {
  const session = requireSession(request);
  if (!roles.includes(session.user.role)) throw new AppError('forbidden', `only ${roles.join(', ')} may do this`);
  return session;
}

/** A route hook admitting only `roles`, checked before the body is validated (see below). */
export const rolesOnly =
  (...roles: Role[]) =>
  async (request: FastifyRequest): Promise<void> =>
    void requireRole(request, roles);

/**
 * Route hooks that check who is asking before the body is validated, so a caller without the right learns nothing
 * from validation messages. Handlers still call requireSession/requireAdmin to get the typed session.
 */
export const signedIn = async (request: FastifyRequest): Promise<void> => void requireSession(request);
export const adminOnly = async (request: FastifyRequest): Promise<void> => void requireAdmin(request);
