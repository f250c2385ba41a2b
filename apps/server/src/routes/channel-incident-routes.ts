import {
  channelList,
  errorResponse,
  idParams,
  incidentList,
  incidentListQuery,
  incidentSolutionBody,
  incidentSolutionResponse,
} from '@ascolta/contracts';
import type { Channel, Incident } from '@ascolta/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiContext } from '../http/api-context.ts';
import { requirePermission } from '../http/authenticate.ts';
import { publishIncidentSolution } from './publish-incident-solution.ts';

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

const toChannelDto = (channel: Channel) => ({
  id: channel.id,
  kind: channel.kind,
  name: channel.name,
  externalAccountId: channel.externalAccountId,
  handle: channel.handle,
  isActive: channel.isActive,
  health: {
    state: channel.health.state,
    lastError: channel.health.lastError,
    lastErrorAt: iso(channel.health.lastErrorAt),
    retryAfter: iso(channel.health.retryAfter),
  },
});

export const toIncidentDto = (incident: Incident) => ({
  id: incident.id,
  title: incident.title,
  category: incident.category,
  status: incident.status,
  solution: { ...incident.solution },
  openedAt: incident.openedAt.toISOString(),
  resolvedAt: iso(incident.resolvedAt),
});

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };
const security = [{ apiKey: [] }];

export const channelIncidentRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, context) => {
  const { store } = context;
  app.get(
    '/api/v1/channels',
    {
      schema: {
        tags: ['channels'],
        security,
        summary: 'Channels with their health',
        description: 'Health is ok, auth-expired, rate-limited or failing, with the last error and its time.',
        response: { 200: channelList, ...errors },
      },
    },
    async (request) => {
      const principal = await requirePermission(context, request, 'channels.read');
      return { items: (await store.channels.list(principal.workspaceId)).map(toChannelDto) };
    },
  );

  app.get(
    '/api/v1/incidents',
    {
      schema: {
        tags: ['incidents'],
        security,
        summary: 'Incidents: many customers, one problem',
        querystring: incidentListQuery,
        response: { 200: incidentList, ...errors },
      },
    },
    async (request) => {
      const principal = await requirePermission(context, request, 'incidents.read');
      const incidents = await store.incidents.list(principal.workspaceId, request.query.status);
      return { items: incidents.map(toIncidentDto) };
    },
  );

  app.post(
    '/api/v1/incidents/:id/solution',
    {
      schema: {
        tags: ['incidents'],
        security,
        summary: 'Publish the solution to every linked ticket',
        description:
          "Queues one message per open linked ticket in the ticket's language (core's planIncidentBroadcast); tickets in other languages are listed for an agent.",
        params: idParams,
        body: incidentSolutionBody,
        response: { 200: incidentSolutionResponse, ...errors, 409: errorResponse },
      },
    },
    async (request) => {
      const principal = await requirePermission(context, request, 'incidents.publish');
      const published = await publishIncidentSolution(context, principal, request.params.id, request.body);
      return { ...published, incident: toIncidentDto(published.incident) };
    },
  );
};
