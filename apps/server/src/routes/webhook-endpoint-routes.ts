import {
  createWebhookEndpointBody,
  errorResponse,
  idParams,
  updateWebhookEndpointBody,
  type WebhookDeliveryDto,
  type WebhookEndpointDto,
  webhookDeliveryDto,
  webhookDeliveryPage,
  webhookDeliveryQuery,
  webhookEndpointDto,
  webhookEndpointList,
  webhookEndpointWithSecret,
} from '@ascolta/contracts';
import { DomainError, type IntegrationStore, type WebhookDelivery, type WebhookEndpoint } from '@ascolta/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiContext } from '../http/api-context.ts';
import { requirePermission } from '../http/authenticate.ts';
import { redeliverWebhook } from '../integrations/redeliver-webhook.ts';
import { startEventDispatch } from '../integrations/start-integration-jobs.ts';
import { generateWebhookSecret } from '../integrations/webhook-signature.ts';

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

const toEndpointDto = (endpoint: WebhookEndpoint): WebhookEndpointDto => ({
  id: endpoint.id,
  url: endpoint.url,
  description: endpoint.description,
  eventTypes: [...endpoint.eventTypes],
  isActive: endpoint.isActive,
  createdAt: endpoint.createdAt.toISOString(),
  updatedAt: endpoint.updatedAt.toISOString(),
});

export const toDeliveryDto = (delivery: WebhookDelivery): WebhookDeliveryDto => ({
  id: delivery.id,
  endpointId: delivery.endpointId,
  eventId: delivery.eventId,
  eventSequence: delivery.eventSequence,
  eventType: delivery.eventType,
  status: delivery.status,
  attemptCount: delivery.attemptCount,
  lastStatusCode: delivery.lastStatusCode,
  lastError: delivery.lastError,
  lastAttemptAt: iso(delivery.lastAttemptAt),
  nextAttemptAt: iso(delivery.nextAttemptAt),
  succeededAt: iso(delivery.succeededAt),
  createdAt: delivery.createdAt.toISOString(),
});

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const base = { tags: ['webhooks'], security: [{ apiKey: [] }] };
const endpointParams = z.object({ id: z.string().min(1) });

const requireEndpoint = async (integrations: IntegrationStore, workspaceId: string, id: string) => {
  const endpoint = await integrations.webhookEndpoints.get(workspaceId, id);
  if (endpoint === null) throw new DomainError('not-found', `webhook endpoint ${id} not found`);
  return endpoint;
};

/** Outbound webhooks, for admins (or keys with `webhooks:manage`): endpoints, their delivery log, redelivery. */
export const webhookEndpointRoutes =
  (integrations: IntegrationStore): FastifyPluginAsyncZod<ApiContext> =>
  async (app, context) => {
    const { store, clock, ids } = context;
    const manage = (request: Parameters<typeof requirePermission>[1]) =>
      requirePermission(context, request, 'webhooks.manage');

    app.get(
      '/api/v1/webhook-endpoints',
      { schema: { ...base, summary: 'List webhook endpoints', response: { 200: webhookEndpointList, ...errors } } },
      async (request) => {
        const principal = await manage(request);
        return { items: (await integrations.webhookEndpoints.list(principal.workspaceId)).map(toEndpointDto) };
      },
    );

    app.post(
      '/api/v1/webhook-endpoints',
      {
        schema: {
          ...base,
          summary: 'Create a webhook endpoint',
          description:
            'The signing secret (`whsec_…`) is in this answer only. Events that happened before the endpoint ' +
            'existed are not sent to it.',
          body: createWebhookEndpointBody,
          response: { 201: webhookEndpointWithSecret, ...errors },
        },
      },
      async (request, response) => {
        const principal = await manage(request);
        const now = clock.now();
        const endpoint: WebhookEndpoint = {
          id: ids.newId(),
          workspaceId: principal.workspaceId,
          url: request.body.url,
          description: request.body.description,
          eventTypes: [...new Set(request.body.eventTypes)],
          secret: generateWebhookSecret(),
          isActive: request.body.isActive,
          startSequence: await store.events.latestSequence(principal.workspaceId),
          createdAt: now,
          updatedAt: now,
        };
        await integrations.webhookEndpoints.insert(endpoint);
        await startEventDispatch(store, principal.workspaceId);
        return response.status(201).send({ endpoint: toEndpointDto(endpoint), secret: endpoint.secret });
      },
    );

    app.get(
      '/api/v1/webhook-endpoints/:id',
      {
        schema: {
          ...base,
          summary: 'One webhook endpoint',
          params: endpointParams,
          response: { 200: webhookEndpointDto, ...errors },
        },
      },
      async (request) => {
        const principal = await manage(request);
        return toEndpointDto(await requireEndpoint(integrations, principal.workspaceId, request.params.id));
      },
    );

    app.patch(
      '/api/v1/webhook-endpoints/:id',
      {
        schema: {
          ...base,
          summary: 'Change, enable or disable a webhook endpoint',
          description:
            'While disabled (`isActive: false`) the endpoint gets no deliveries; events meanwhile are skipped.',
          params: endpointParams,
          body: updateWebhookEndpointBody,
          response: { 200: webhookEndpointDto, ...errors },
        },
      },
      async (request) => {
        const principal = await manage(request);
        const endpoint = await requireEndpoint(integrations, principal.workspaceId, request.params.id);
        const { eventTypes, ...changes } = request.body;
        const updated: WebhookEndpoint = {
          ...endpoint,
          ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
          ...(eventTypes === undefined ? {} : { eventTypes: [...new Set(eventTypes)] }),
          // Re-enabled: what happened while it was off is not replayed.
          ...(changes.isActive === true && !endpoint.isActive
            ? { startSequence: await store.events.latestSequence(principal.workspaceId) }
            : {}),
          updatedAt: clock.now(),
        };
        await integrations.webhookEndpoints.update(updated);
        return toEndpointDto(updated);
      },
    );

    app.post(
      '/api/v1/webhook-endpoints/:id/rotate-secret',
      {
        schema: {
          ...base,
          summary: 'Replace the signing secret',
          description: 'The new secret is in this answer only; the next delivery is signed with it.',
          params: endpointParams,
          response: { 200: webhookEndpointWithSecret, ...errors },
        },
      },
      async (request) => {
        const principal = await manage(request);
        const endpoint = await requireEndpoint(integrations, principal.workspaceId, request.params.id);
        const updated = { ...endpoint, secret: generateWebhookSecret(), updatedAt: clock.now() };
        await integrations.webhookEndpoints.update(updated);
        return { endpoint: toEndpointDto(updated), secret: updated.secret };
      },
    );

    app.delete(
      '/api/v1/webhook-endpoints/:id',
      {
        schema: {
          ...base,
          summary: 'Delete a webhook endpoint and its delivery log',
          params: endpointParams,
          response: { 204: z.null().describe('Deleted'), ...errors },
        },
      },
      async (request, response) => {
        const principal = await manage(request);
        await integrations.webhookEndpoints.delete(principal.workspaceId, request.params.id);
        return response.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/webhook-endpoints/:id/deliveries',
      {
        schema: {
          ...base,
          summary: 'The delivery log of an endpoint, newest event first',
          params: endpointParams,
          querystring: webhookDeliveryQuery,
          response: { 200: webhookDeliveryPage, ...errors },
        },
      },
      async (request) => {
        const principal = await manage(request);
        await requireEndpoint(integrations, principal.workspaceId, request.params.id);
        const { status, cursor, limit } = request.query;
        const items = await integrations.webhookDeliveries.list({
          workspaceId: principal.workspaceId,
          endpointId: request.params.id,
          limit,
          ...(status === undefined ? {} : { status }),
          ...(cursor === undefined ? {} : { beforeSequence: Number(cursor) }),
        });
        const last = items.at(-1);
        return {
          items: items.map(toDeliveryDto),
          nextCursor: items.length === limit && last !== undefined ? String(last.eventSequence) : null,
        };
      },
    );

    app.post(
      '/api/v1/webhook-deliveries/:id/redeliver',
      {
        schema: {
          ...base,
          summary: 'Send a delivery again now',
          description: 'Same `webhook-id` as before, a fresh round of retries. 409 while the endpoint is disabled.',
          params: idParams,
          response: { 202: webhookDeliveryDto, ...errors },
        },
      },
      async (request, response) => {
        const principal = await manage(request);
        const queued = await redeliverWebhook(integrations, principal.workspaceId, request.params.id, clock.now());
        return response.status(202).send(toDeliveryDto(queued));
      },
    );
  };
