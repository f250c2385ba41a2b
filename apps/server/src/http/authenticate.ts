import { createHash } from 'node:crypto';
import { type ApiKeyScope, DomainError, type Store } from '@ascolta/core';
import type { FastifyRequest } from 'fastify';

export interface Principal {
  workspaceId: string;
  apiKeyId: string;
  scopes: readonly ApiKeyScope[];
}

export const hashApiKey = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Resolves `Authorization: Bearer <api key>` to the key's workspace, or throws `unauthenticated`. */
export const authenticate = async (store: Store, request: FastifyRequest): Promise<Principal> => {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match?.[1] === undefined) {
    throw new DomainError('unauthenticated', 'Send an API key as `Authorization: Bearer <key>`.');
  }
  const key = await store.apiKeys.findBySecretHash(hashApiKey(match[1]));
  if (key === null || key.revokedAt !== null) {
    throw new DomainError('unauthenticated', 'The API key is unknown or has been revoked.');
  }
  return { workspaceId: key.workspaceId, apiKeyId: key.id, scopes: key.scopes };
};

export const requireScope = (principal: Principal, scope: ApiKeyScope): void => {
  if (!principal.scopes.includes(scope) && !principal.scopes.includes('admin')) {
    throw new DomainError('forbidden', `This API key lacks the '${scope}' scope.`);
  }
};
