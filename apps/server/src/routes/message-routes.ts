import { errorResponse, messageListQuery, messagePage } from '@ascolta/contracts';
import { type ChannelKind, channelKinds } from '@ascolta/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiContext } from '../http/api-context.ts';
import { requirePermission } from '../http/authenticate.ts';
import { toMessageDto } from '../http/to-dto.ts';

const isChannelKind = (value: string): value is ChannelKind => (channelKinds as readonly string[]).includes(value);

export const messageRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, context) => {
  app.get(
    '/api/v1/messages',
    {
      schema: {
        summary: 'List stored messages',
        description: 'Newest first. `q` searches the text with Italian and English stemming.',
        tags: ['messages'],
        security: [{ apiKey: [] }],
        querystring: messageListQuery,
        response: { 200: messagePage, 400: errorResponse, 401: errorResponse },
      },
    },
    async (request) => {
      const principal = await requirePermission(context, request, 'messages.read');
      const { channel, ...query } = request.query;
      const page = await context.store.messages.list({
        workspaceId: principal.workspaceId,
        ...query,
        ...(channel === undefined ? {} : isChannelKind(channel) ? { channelKind: channel } : { channelId: channel }),
      });
      return { items: page.items.map(toMessageDto), nextCursor: page.nextCursor };
    },
  );
};
