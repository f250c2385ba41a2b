import {
  assignBody,
  errorResponse,
  idParams,
  nextTicketResponse,
  noteBody,
  noteResponse,
  replyBody,
  replyResponse,
  statusBody,
  ticketDto,
} from '@ascolta/contracts';
import { addTicketNote, changeTicketStatus, stampEvent } from '@ascolta/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiContext } from '../http/api-context.ts';
import { appendEvents } from '../http/append-events.ts';
import { actorOf, requirePermission } from '../http/authenticate.ts';
import { loadTicket } from '../http/load-ticket.ts';
import { toMessageDto, toTicketDto } from '../http/to-dto.ts';
import { assignTicketByHand } from './assign-ticket-by-hand.ts';
import { replyToTicket } from './reply-to-ticket.ts';
import { takeNextTicket } from './take-next-ticket.ts';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const base = { tags: ['tickets'], security: [{ apiKey: [] }], params: idParams };

export const ticketActionRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, context) => {
  const { store, clock, ids } = context;

  app.post(
    '/api/v1/tickets/:id/replies',
    {
      schema: {
        ...base,
        summary: 'Reply to the customer',
        description:
          'Public or private, free text or a template. Checks the channel: X longer than 280 characters is split into a numbered thread (`overflow: "split"`, default) or refused with 400 (`"reject"`); a closed Messenger/Instagram window or WhatsApp after 24 hours without `templateId` is refused with 409. Queues the message(s) and their sends in one transaction.',
        body: replyBody,
        response: { 201: replyResponse, ...errors },
      },
    },
    async (request, response) => {
      const principal = await requirePermission(context, request, 'tickets.reply');
      const plan = await replyToTicket(context, principal, request.params.id, request.body);
      return response.status(201).send({
        ticket: toTicketDto(plan.ticket),
        messages: plan.messages.map(toMessageDto),
        delivery: plan.delivery.kind,
      });
    },
  );

  app.post(
    '/api/v1/tickets/:id/notes',
    {
      schema: {
        ...base,
        summary: 'Add an internal note',
        description: 'Never sent to the customer. `@sara.conti` (e-mail name) or `@Sara` mentions an agent.',
        body: noteBody,
        response: { 201: noteResponse, ...errors },
      },
    },
    async (request, response) => {
      const principal = await requirePermission(context, request, 'tickets.note');
      const ticket = await loadTicket(store, principal.workspaceId, request.params.id);
      const agents = await store.agents.list(ticket.workspaceId);
      const planned = addTicketNote(ticket, request.body.text, agents, actorOf(principal));
      const [event] = planned.events.map((unstamped) => stampEvent(unstamped, clock.now(), ids));
      if (event !== undefined) await store.events.append([event]);
      return response.status(201).send({
        note: {
          id: event?.id ?? '',
          text: request.body.text.trim(),
          authorAgentId: principal.kind === 'agent' ? principal.agentId : null,
          mentionedAgentIds: planned.mentionedAgentIds,
          createdAt: clock.now().toISOString(),
        },
      });
    },
  );

  app.post(
    '/api/v1/tickets/:id/assign',
    {
      schema: {
        ...base,
        summary: 'Assign to an agent and/or a team',
        description: '`agentId: null` unassigns. An agent at capacity is refused with 409 `capacity-reached`.',
        body: assignBody,
        response: { 200: ticketDto, ...errors },
      },
    },
    async (request) => {
      const principal = await requirePermission(context, request, 'tickets.assign');
      return toTicketDto(await assignTicketByHand(context, principal, request.params.id, request.body));
    },
  );

  app.post(
    '/api/v1/tickets/:id/status',
    {
      schema: {
        ...base,
        summary: 'Change the status',
        description:
          'Follows the status machine; a forbidden move answers 409 `invalid-transition` or `ticket-closed`.',
        body: statusBody,
        response: { 200: ticketDto, ...errors },
      },
    },
    async (request) => {
      const principal = await requirePermission(context, request, 'tickets.update');
      const ticket = await store.transaction(async (tx) => {
        const current = await loadTicket(tx, principal.workspaceId, request.params.id);
        const changed = changeTicketStatus(current, request.body.status, actorOf(principal), clock.now());
        await tx.tickets.update(changed.ticket);
        await appendEvents(tx, changed.events, clock, ids);
        return changed.ticket;
      });
      return toTicketDto(ticket);
    },
  );

  app.post(
    '/api/v1/tickets/next',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Take the next best ticket',
        description: 'Assigns the signed-in agent the most pressing ticket they can handle; `ticket: null` when none.',
        response: { 200: nextTicketResponse, ...errors },
      },
    },
    async (request) => {
      const principal = await requirePermission(context, request, 'tickets.assign');
      const ticket = await takeNextTicket(context, principal);
      return { ticket: ticket === null ? null : toTicketDto(ticket) };
    },
  );
};
