// The cookie plugin's types: reply.setCookie and clearCookie (registered in app.ts).
import type {} from '@fastify/cookie';
import {
  SESSION_COOKIE,
  changePasswordRequestSchema,
  createUserRequestSchema,
  idParamsSchema,
  listUsersQuerySchema,
  listUsersResponseSchema,
  loginRequestSchema,
  sessionResponseSchema,
  updateMeRequestSchema,
  updateUserRequestSchema,
  userResponseSchema,
} from '@bluezone/contract';
import { z } from 'zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../audit/audit.model.js';
import { allow, PUBLIC, requireSession, SIGNED_IN, viewerOf } from '../http/access.js';
import { errorResponses } from '../http/errors.js';
import type { IdentityConfig } from './identity.config.js';
import type { IdentityService } from './identity.service.js';
import type { UsersService } from './users.service.js';

const noContent = z.null().describe('No content');

const cookieOptions = (config: IdentityConfig, request: FastifyRequest) => ({
  httpOnly: true,
  sameSite: 'strict' as const,
  // Secure when configured, and whenever the request came over HTTPS (directly or, with trustProxy, via a proxy).
  secure: config.cookieSecure || request.protocol === 'https',
  path: '/',
});

export function registerIdentityRoutes(
  app: FastifyInstance,
  deps: { identity: IdentityService; users: UsersService; config: IdentityConfig },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { identity, users, config } = deps;
  const clearCookie = (request: FastifyRequest, reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, cookieOptions(config, request));

  api.post('/api/v1/auth/login', {
    config: { access: PUBLIC },
    schema: { tags: ['auth'], body: loginRequestSchema, response: { 200: sessionResponseSchema, ...errorResponses } },
    handler: async (request, reply) => {
      const signIn = await identity.login(request.body.username, request.body.password, request.ip);
      reply.setCookie(SESSION_COOKIE, signIn.token, { ...cookieOptions(config, request), maxAge: signIn.maxAgeSeconds });
      return { user: signIn.user, csrfToken: signIn.csrfToken };
    },
  });

  api.post('/api/v1/auth/logout', {
    config: { access: SIGNED_IN },
    schema: { tags: ['auth'], response: { 204: noContent, ...errorResponses } },
    handler: async (request, reply) => {
      await identity.logout(requireSession(request));
      clearCookie(request, reply);
      return reply.code(204).send(null);
    },
  });

  api.get('/api/v1/auth/me', {
    config: { access: SIGNED_IN },
    schema: { tags: ['auth'], response: { 200: sessionResponseSchema, ...errorResponses } },
    handler: async (request) => {
      const session = requireSession(request);
      return { user: session.user, csrfToken: session.csrfToken };
    },
  });

  api.patch('/api/v1/auth/me', {
    config: { access: SIGNED_IN },
    schema: { tags: ['auth'], body: updateMeRequestSchema, response: { 200: userResponseSchema, ...errorResponses } },
    handler: async (request) => ({ user: await identity.setLocale(requireSession(request), request.body.locale) }),
  });

  api.post('/api/v1/auth/password', {
    config: { access: SIGNED_IN },
    schema: { tags: ['auth'], body: changePasswordRequestSchema, response: { 204: noContent, ...errorResponses } },
    handler: async (request, reply) => {
      await identity.changePassword(requireSession(request), request.body.currentPassword, request.body.newPassword, request.ip);
      return reply.code(204).send(null);
    },
  });

  // Administrators manage the accounts of their own unit subtree: the units an account is in, before and after a change.
  api.get('/api/v1/users', {
    config: { access: allow(['admin'], (request) => request.query.unit) },
    schema: { tags: ['users'], querystring: listUsersQuerySchema, response: { 200: listUsersResponseSchema, ...errorResponses } },
    handler: async (request) => users.list(viewerOf(request), request.query),
  });

  api.post('/api/v1/users', {
    config: { access: allow(['admin'], (request) => request.body.unitCode) },
    schema: { tags: ['users'], body: createUserRequestSchema, response: { 201: userResponseSchema, ...errorResponses } },
    handler: async (request, reply) => {
      const user = await users.create(actorOf(viewerOf(request)), request.body);
      return reply.code(201).send({ user });
    },
  });

  api.patch('/api/v1/users/:id', {
    config: { access: allow(['admin'], async (request) => [await users.unitOf(request.params.id), request.body.unitCode]) },
    schema: { tags: ['users'], params: idParamsSchema, body: updateUserRequestSchema, response: { 200: userResponseSchema, ...errorResponses } },
    handler: async (request) => ({
      user: await users.update(actorOf(viewerOf(request)), request.params.id, request.body),
    }),
  });
}
