import { randomBytes } from 'node:crypto';
import {
  type apiKeyDto,
  apiKeyList,
  createApiKeyBody,
  createdApiKey,
  errorResponse,
  idParams,
} from '@ascolta/contracts';
import type { ApiKey } from '@ascolta/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiContext } from '../http/api-context.ts';
import { hashApiKey, requirePermission } from '../http/authenticate.ts';

const iso = (date: Date | null) => (date === null ? null : date.toISOString());
const toApiKeyDto = (key: ApiKey): z.infer<typeof apiKeyDto> => ({
  id: key.id,
  name: key.name,
  scopes: [...key.scopes],
  createdAt: key.createdAt.toISOString(),
  revokedAt: iso(key.revokedAt),
  lastUsedAt: iso(key.lastUsedAt),
});

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };
const base = { tags: ['api-keys'], security: [{ apiKey: [] }] };

export const apiKeyRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, context) => {
  const { store, clock, ids } = context;
  app.get(
    '/api/v1/api-keys',
    { schema: { ...base, summary: 'List API keys (admins)', response: { 200: apiKeyList, ...errors } } },
    async (request) => {
      const principal = await requirePermission(context, request, 'apiKeys.manage');
      return { items: (await store.apiKeys.list(principal.workspaceId)).map(toApiKeyDto) };
    },
  );

  app.post(
    '/api/v1/api-keys',
    {
      schema: {
        ...base,
        summary: 'Create an API key (admins)',
        description: 'The secret is in this answer only; store it now.',
        body: createApiKeyBody,
        response: { 201: createdApiKey, ...errors },
      },
    },
    async (request, response) => {
      const principal = await requirePermission(context, request, 'apiKeys.manage');
      const secret = `asc_${randomBytes(24).toString('base64url')}`;
      const key: ApiKey = {
        id: ids.newId(),
        workspaceId: principal.workspaceId,
        name: request.body.name,
        secretHash: hashApiKey(secret),
        scopes: [...new Set(request.body.scopes)],
        createdAt: clock.now(),
        revokedAt: null,
        lastUsedAt: null,
      };
      await store.apiKeys.insert(key);
      return response.status(201).send({ apiKey: toApiKeyDto(key), secret });
    },
  );

  app.delete(
    '/api/v1/api-keys/:id',
    {
      schema: {
        ...base,
        summary: 'Revoke an API key (admins)',
        params: idParams,
        response: { 204: z.null().describe('Revoked'), ...errors },
      },
    },
    async (request, response) => {
      const principal = await requirePermission(context, request, 'apiKeys.manage');
      await store.apiKeys.revoke(principal.workspaceId, request.params.id, clock.now());
      return response.status(204).send(null);
    },
  );
};
