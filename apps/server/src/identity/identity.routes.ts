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
import { errorResponses } from '../http/errors.js';
import { adminOnly, requireAdmin, requireSession, signedIn } from '../http/session.js';
import type { IdentityConfig } from './identity.config.js';
import { actorOf, type IdentityService } from './identity.service.js';
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
    schema: { tags: ['auth'], body: loginRequestSchema, response: { 200: sessionResponseSchema, ...errorResponses } },
    handler: async (request, reply) => {
      const signIn = await identity.login(request.body.username, request.body.password, request.ip);
      reply.setCookie(SESSION_COOKIE, signIn.token, { ...cookieOptions(config, request), maxAge: signIn.maxAgeSeconds });
      return { user: signIn.user, csrfToken: signIn.csrfToken };
    },
  });

  api.post('/api/v1/auth/logout', {
    schema: { tags: ['auth'], response: { 204: noContent, ...errorResponses } },
    handler: async (request, reply) => {
      if (request.session) await identity.logout(request.session);
      clearCookie(request, reply);
      return reply.code(204).send(null);
    },
  });

  api.get('/api/v1/auth/me', {
    schema: { tags: ['auth'], response: { 200: sessionResponseSchema, ...errorResponses } },
    handler: async (request) => {
      const session = requireSession(request);
      return { user: session.user, csrfToken: session.csrfToken };
    },
  });

  api.patch('/api/v1/auth/me', {
    onRequest: signedIn,
    schema: { tags: ['auth'], body: updateMeRequestSchema, response: { 200: userResponseSchema, ...errorResponses } },
    handler: async (request) => ({ user: await identity.setLocale(requireSession(request), request.body.locale) }),
  });

  api.post('/api/v1/auth/password', {
    onRequest: signedIn,
    schema: { tags: ['auth'], body: changePasswordRequestSchema, response: { 204: noContent, ...errorResponses } },
    handler: async (request, reply) => {
      await identity.changePassword(requireSession(request), request.body.currentPassword, request.body.newPassword);
      return reply.code(204).send(null);
    },
  });

  api.get('/api/v1/users', {
    onRequest: adminOnly,
    schema: { tags: ['users'], querystring: listUsersQuerySchema, response: { 200: listUsersResponseSchema, ...errorResponses } },
    handler: async (request) => ({ users: await users.list(actorOf(requireAdmin(request).user), request.query) }),
  });

  api.post('/api/v1/users', {
    onRequest: adminOnly,
    schema: { tags: ['users'], body: createUserRequestSchema, response: { 201: userResponseSchema, ...errorResponses } },
    handler: async (request, reply) => {
      const user = await users.create(actorOf(requireAdmin(request).user), request.body);
      return reply.code(201).send({ user });
    },
  });

  api.patch('/api/v1/users/:id', {
    onRequest: adminOnly,
    schema: { tags: ['users'], params: idParamsSchema, body: updateUserRequestSchema, response: { 200: userResponseSchema, ...errorResponses } },
    handler: async (request) => ({
      user: await users.update(actorOf(requireAdmin(request).user), request.params.id, request.body),
    }),
  });
}
