import { errorResponse, loginBody, type MeResponse, meResponse, updateMeBody } from '@ascolta/contracts';
import { type Agent, DomainError, isPermitted, type Permission, permissions } from '@ascolta/core';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csrfTokenFor, sessionCookie, sessionCookieMaxAgeSeconds, sessionIdleSeconds } from '../auth/session-cookie.ts';
import { signIn } from '../auth/sign-in.ts';
import type { ApiContext } from '../http/api-context.ts';
import { authenticate } from '../http/authenticate.ts';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 429: errorResponse };

const toMe = async (context: ApiContext, agent: Agent, token: string, expiresAt: Date): Promise<MeResponse> => {
  const preferences = await context.store.agentPreferences.get(agent.workspaceId, agent.id);
  const allowed = (Object.keys(permissions) as Permission[]).filter((action) =>
    isPermitted({ kind: 'role', role: agent.role }, action),
  );
  return {
    agent: {
      id: agent.id,
      workspaceId: agent.workspaceId,
      email: agent.email,
      name: agent.name,
      role: agent.role,
      teamIds: [...agent.teamIds],
    },
    // Without a choice yet, the agent's first language decides (Italian if it is one of them).
    uiLanguage: preferences?.uiLanguage ?? (agent.languages[0] === 'en' ? 'en' : 'it'),
    permissions: allowed,
    csrfToken: csrfTokenFor(token),
    sessionExpiresAt: expiresAt.toISOString(),
  };
};

const requireSession = async (context: ApiContext, request: FastifyRequest) => {
  const principal = await authenticate(context, request);
  if (principal.kind !== 'agent')
    throw new DomainError('forbidden', 'This route is for signed-in people, not API keys.');
  const agent = await context.store.agents.get(principal.workspaceId, principal.agentId);
  if (agent === null) throw new DomainError('unauthenticated', 'The account of this session no longer exists.');
  return { principal, agent };
};

const expiresFrom = (context: ApiContext): Date => new Date(context.clock.now().getTime() + sessionIdleSeconds * 1000);

export const authRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, context) => {
  const tags = ['auth'];
  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        summary: 'Sign in with e-mail and password',
        description:
          'Sets an http-only session cookie. Five wrong passwords in 15 minutes lock the account (429 with retry-after).',
        tags,
        body: loginBody,
        response: { 200: meResponse, ...errors },
      },
    },
    async (request, response) => {
      const { agent, session, token } = await signIn(context, request.body.email, request.body.password);
      response.header('set-cookie', sessionCookie(request, token, sessionCookieMaxAgeSeconds));
      return toMe(context, agent, token, session.expiresAt);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { summary: 'Sign out', tags, response: { 204: z.null().describe('Signed out'), ...errors } } },
    async (request, response) => {
      const { principal } = await requireSession(context, request);
      await context.store.sessions.delete(principal.sessionId);
      response.header('set-cookie', sessionCookie(request, '', 0));
      return response.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/me',
    { schema: { summary: 'The signed-in agent', tags, response: { 200: meResponse, ...errors } } },
    async (request) => {
      const { principal, agent } = await requireSession(context, request);
      return toMe(context, agent, principal.sessionToken, expiresFrom(context));
    },
  );

  app.patch(
    '/api/v1/auth/me',
    {
      schema: {
        summary: 'Change the web app language',
        tags,
        body: updateMeBody,
        response: { 200: meResponse, ...errors },
      },
    },
    async (request) => {
      const { principal, agent } = await requireSession(context, request);
      await context.store.agentPreferences.put(agent.workspaceId, agent.id, { uiLanguage: request.body.uiLanguage });
      return toMe(context, agent, principal.sessionToken, expiresFrom(context));
    },
  );
};
