import type { StreamMessage } from '@ascolta/contracts';
import { DomainError } from '@ascolta/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiContext } from '../http/api-context.ts';
import { type Principal, requirePermission } from '../http/authenticate.ts';
import type { EventFeed } from './event-feed.ts';

const principals = new WeakMap<FastifyRequest, Principal>();

// A browser sends the cookie with a WebSocket from any site; only our own pages may open the stream.
const requireSameOrigin = (request: FastifyRequest): void => {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const host = request.headers['x-forwarded-host'] ?? request.headers.host;
  if (new URL(origin).host !== host) {
    throw new DomainError('forbidden', `The stream does not accept connections from ${origin}.`);
  }
};

/**
 * `GET /api/v1/stream`: a WebSocket that pushes the workspace's domain events as they are appended.
 * Authenticated like the API (session cookie, or an API key for integrations) before the upgrade.
 */
export const registerStreamRoute = (app: FastifyInstance, context: ApiContext, feed: EventFeed): void => {
  app.get(
    '/api/v1/stream',
    {
      websocket: true,
      schema: {
        summary: 'Realtime domain events (WebSocket)',
        description:
          'Upgrade to a WebSocket with the session cookie. Frames are JSON: `{type:"ready"}` once, then `{type:"event", event}` per appended event.',
        tags: ['realtime'],
      },
      preValidation: async (request) => {
        requireSameOrigin(request);
        principals.set(request, await requirePermission(context, request, 'events.stream'));
      },
    },
    async (socket, request) => {
      const principal = principals.get(request);
      if (principal === undefined) return socket.close(1008, 'unauthenticated');
      const send = (message: StreamMessage) => socket.send(JSON.stringify(message));
      const unsubscribe = await feed.subscribe(principal.workspaceId, (event) => send({ type: 'event', event }));
      socket.on('close', unsubscribe);
      // The client may have gone while we subscribed: then 'close' has already fired.
      if (socket.readyState !== socket.OPEN) return unsubscribe();
      send({ type: 'ready', afterSequence: await context.store.events.latestSequence(principal.workspaceId) });
    },
  );
};
