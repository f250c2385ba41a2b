import { errorResponse, ticketListQuery, ticketPage } from '@ascolta/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiContext } from '../http/api-context.ts';
import { requirePermission } from '../http/authenticate.ts';
import { toTicketDto } from '../http/to-dto.ts';

export const ticketRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, context) => {
  app.get(
    '/api/v1/tickets',
    {
      schema: {
        summary: 'List tickets',
        description: 'Open work (a `status` filter) is sorted by priority; otherwise newest first.',
        tags: ['tickets'],
        security: [{ apiKey: [] }],
        querystring: ticketListQuery,
        response: { 200: ticketPage, 400: errorResponse, 401: errorResponse },
      },
    },
    async (request) => {
      const principal = await requirePermission(context, request, 'tickets.read');
      const page = await context.store.tickets.list({ workspaceId: principal.workspaceId, ...request.query });
      return { items: page.items.map(toTicketDto), nextCursor: page.nextCursor };
    },
  );
};
