import { createHash, timingSafeEqual } from 'node:crypto';
import {
  type Actor,
  type AgentRole,
  type ApiKeyScope,
  DomainError,
  describeRefusal,
  type Grant,
  isPermitted,
  type Permission,
  scopeFor,
} from '@ascolta/core';
import type { FastifyRequest } from 'fastify';
import { csrfTokenFor, hashSessionToken, readSessionToken, sessionIdleSeconds } from '../auth/session-cookie.ts';
import type { ApiContext } from './api-context.ts';

export type Principal =
  | { kind: 'agent'; workspaceId: string; agentId: string; role: AgentRole; sessionId: string; sessionToken: string }
  | { kind: 'api-key'; workspaceId: string; apiKeyId: string; scopes: readonly ApiKeyScope[] };

export const hashApiKey = (secret: string): string => createHash('sha256').update(secret).digest('hex');

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
// Touch the session at most once a minute: one write per minute, not per request.
const touchEverySeconds = 60;

const fromApiKey = async ({ store }: ApiContext, header: string): Promise<Principal> => {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match?.[1] === undefined) {
    throw new DomainError('unauthenticated', 'Send an API key as `Authorization: Bearer <key>`.');
  }
  const key = await store.apiKeys.findBySecretHash(hashApiKey(match[1]));
  if (key === null || key.revokedAt !== null) {
    throw new DomainError('unauthenticated', 'The API key is unknown or has been revoked.');
  }
  return { kind: 'api-key', workspaceId: key.workspaceId, apiKeyId: key.id, scopes: key.scopes };
};

const requireCsrf = (request: FastifyRequest, token: string): void => {
  if (safeMethods.has(request.method)) return;
  const sent = Buffer.from(String(request.headers['x-csrf-token'] ?? ''));
  const expected = Buffer.from(csrfTokenFor(token));
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
    throw new DomainError(
      'forbidden',
      'Missing or wrong X-CSRF-Token header; take it from the sign-in answer or /api/v1/auth/me.',
    );
  }
};

const fromSession = async (
  { store, clock }: ApiContext,
  request: FastifyRequest,
  token: string,
): Promise<Principal> => {
  const now = clock.now();
  const session = await store.sessions.findByTokenHash(hashSessionToken(token));
  if (session === null || session.expiresAt <= now) {
    throw new DomainError('unauthenticated', 'The session has expired; sign in again.');
  }
  const agent = await store.agents.get(session.workspaceId, session.agentId);
  if (agent === null) throw new DomainError('unauthenticated', 'The account of this session no longer exists.');
  requireCsrf(request, token);
  if (now.getTime() - session.lastSeenAt.getTime() > touchEverySeconds * 1000) {
    await store.sessions.touch(session.id, now, new Date(now.getTime() + sessionIdleSeconds * 1000));
  }
  return {
    kind: 'agent',
    workspaceId: agent.workspaceId,
    agentId: agent.id,
    role: agent.role,
    sessionId: session.id,
    sessionToken: token,
  };
};

/**
 * One door for both kinds of caller: `Authorization: Bearer <api key>` for integrations, the session cookie
 * (plus `X-CSRF-Token` on unsafe methods) for people in the web app.
 */
export const authenticate = async (context: ApiContext, request: FastifyRequest): Promise<Principal> => {
  const header = request.headers.authorization;
  if (header !== undefined) return fromApiKey(context, header);
  const token = readSessionToken(request);
  if (token !== null) return fromSession(context, request, token);
  throw new DomainError(
    'unauthenticated',
    'Sign in (session cookie) or send an API key as `Authorization: Bearer <key>`.',
  );
};

const grantOf = (principal: Principal): Grant =>
  principal.kind === 'agent' ? { kind: 'role', role: principal.role } : { kind: 'scopes', scopes: principal.scopes };

/** Throws 403 `forbidden` unless the permission table lets this principal do `action`. */
export const authorize = (principal: Principal, action: Permission): void => {
  const grant = grantOf(principal);
  if (isPermitted(grant, action)) return;
  // A key's caller learns the exact scope to ask its admin for; a person learns the role.
  const details = principal.kind === 'api-key' ? { missingScope: scopeFor(action) } : undefined;
  throw new DomainError('forbidden', describeRefusal(grant, action), details);
};

/** Authenticates and authorises in one step: the first line of every API route. */
export const requirePermission = async (
  context: ApiContext,
  request: FastifyRequest,
  action: Permission,
): Promise<Principal> => {
  const principal = await authenticate(context, request);
  authorize(principal, action);
  return principal;
};

export const actorOf = (principal: Principal): Actor =>
  principal.kind === 'agent'
    ? { type: 'agent', agentId: principal.agentId }
    : { type: 'integration', apiKeyId: principal.apiKeyId };
