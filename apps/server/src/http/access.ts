import type { Role, User } from '@bluezone/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { UnitScope } from '../platform/unit-directory.js';
import type { SessionUser } from './session.js';

/**
 * Who may call a route, declared on the route itself (`config: { access }`) and enforced here for every route, so no
 * handler or service writes a role check by hand:
 * - `PUBLIC`: anyone (phones, sign-in, health checks, the API document);
 * - `SIGNED_IN`: any official with a session;
 * - `allow(roles, units?)`: officials of these roles and, when `units` is given, only for units inside the official's
 *   own unit subtree (their unit and every unit below it). An administrator is no exception: the administrator of a
 *   ward manages that ward, never the province above it or the ward beside it.
 * Roles are checked before the body is validated, so a caller without the right learns nothing from validation
 * messages; units are checked after, since they come from the validated request.
 */
/** A request after validation, as a unit resolver reads it (its route's schema typed the fields it names). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TypedRequest = { body: any; query: any; params: any };

export type UnitTargets = string | null | undefined | readonly (string | null | undefined)[];

export type Access =
  | { kind: 'public' }
  | { kind: 'signed_in' }
  | { kind: 'roles'; roles: readonly Role[]; units?: (request: TypedRequest) => UnitTargets | Promise<UnitTargets> };

export const PUBLIC: Access = { kind: 'public' };
export const SIGNED_IN: Access = { kind: 'signed_in' };


/** Officials of `roles`; with `units`, only for the units it names (from the validated request) inside their subtree. */
export function allow(roles: readonly Role[], units?: (request: TypedRequest) => UnitTargets | Promise<UnitTargets>): Access {
  return { kind: 'roles', roles, ...(units && { units }) };
}

export const ALL_ROLES: readonly Role[] = ['admin', 'health_officer', 'unit_officer', 'agency_reporter', 'campaign_issuer'];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}


export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

const tables = new WeakMap<FastifyInstance, RouteAccess[]>();

/** Every API route with its access rule, in registration order (the authorization matrix test walks it). */
export function routeAccessTable(app: FastifyInstance): readonly RouteAccess[] {
  return tables.get(app) ?? [];
}

export function requireSession(request: FastifyRequest): SessionUser {
  if (!request.session) throw new AppError('unauthenticated', 'sign in first');
  return request.session;
}

/** The signed-in official of a route whose access rule already required a session. */
export function viewerOf(request: FastifyRequest): User {
  return requireSession(request).user;
}

/** Throws `forbidden` unless every named unit that exists lies in the subtree of the viewer's unit. */
export async function requireUnitsWithin(scope: UnitScope, viewer: User, targets: UnitTargets): Promise<void> {
  const codes = (Array.isArray(targets) ? targets : [targets]).filter((c): c is string => typeof c === 'string');
  for (const code of new Set(codes)) {
    // An unknown unit is left to the service, which answers unknown_unit or not_found with the field it came from.
    if ((await scope.isWithin(code, viewer.unitCode)) === false) {
      throw new AppError('forbidden', `unit ${code} is outside your unit ${viewer.unitCode} and the units below it`);
    }
  }
}

/**
 * Install after the session hook and before any route. A route under /api/ without an access rule is a programming
 * error and stops the server from starting.
 */
export function installAccess(app: FastifyInstance, scope: UnitScope): void {
  const table: RouteAccess[] = [];
  tables.set(app, table);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = route.config?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!access) throw new Error(`route ${methods.join(',')} ${route.url} declares no access rule (config.access)`);
    for (const method of methods) if (method !== 'HEAD') table.push({ method, url: route.url, access });
  });
  // Callback hooks, not async ones: every request passes here, a phone's public ones too, and an async hook costs
  // each of them a promise and its turns of the microtask queue for nothing (publish benchmark, --profile).
  app.addHook('onRequest', (request, _reply, done) => {
    const access = request.routeOptions.config.access;
    if (!access || access.kind === 'public') return done();
    try {
      const { user } = requireSession(request);
      if (access.kind === 'roles' && !access.roles.includes(user.role)) {
        throw new AppError('forbidden', `this needs one of the roles ${access.roles.join(', ')}`);
      }
    } catch (error) {
      return done(error as Error);
    }
    done();
  });
  app.addHook('preHandler', (request, _reply, done) => {
    const access = request.routeOptions.config.access;
    if (access?.kind !== 'roles' || !access.units) return done();
    const units = access.units;
    Promise.resolve()
      .then(async () => requireUnitsWithin(scope, viewerOf(request), await units(request)))
      .then(() => done(), done);
  });
}
