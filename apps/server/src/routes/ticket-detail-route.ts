import { errorResponse, idParams, type TicketDetailDto, ticketDetailDto } from '@ascolta/contracts';
import type { Customer, DomainEvent } from '@ascolta/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiContext } from '../http/api-context.ts';
import { requirePermission } from '../http/authenticate.ts';
import { loadTicket } from '../http/load-ticket.ts';
import { toMessageDto, toTicketDto } from '../http/to-dto.ts';

export const toCustomerSummary = (customer: Customer) => ({
  id: customer.id,
  displayName: customer.displayName,
  language: customer.language,
  valueTier: customer.valueTier,
  lifetimeValueCents: customer.lifetimeValueCents,
  purchasesCount: customer.purchasesCount,
  followers: customer.followers,
  isVerified: customer.isVerified,
});

const toNote = (event: DomainEvent): TicketDetailDto['notes'][number] | null =>
  event.type === 'ticket.note-added'
    ? {
        id: event.id,
        text: event.data.text,
        authorAgentId: event.actor.type === 'agent' ? event.actor.agentId : null,
        mentionedAgentIds: [...event.data.mentionedAgentIds],
        createdAt: event.occurredAt.toISOString(),
      }
    : null;

// A conversation's timeline fits one page; longer ones are read through GET /messages?ticketId=.
const timelineLimit = 200;

export const ticketDetailRoute: FastifyPluginAsyncZod<ApiContext> = async (app, context) => {
  const { store } = context;
  app.get(
    '/api/v1/tickets/:id',
    {
      schema: {
        summary: 'One ticket with its customer, timeline, notes and who holds it',
        description:
          'Messages oldest first across channels, each with delivery state and triage (with its explanation); the ticket carries priority contributions, collected fields and SLA due times.',
        tags: ['tickets'],
        security: [{ apiKey: [] }],
        params: idParams,
        response: { 200: ticketDetailDto, 401: errorResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      const principal = await requirePermission(context, request, 'tickets.read');
      const ticket = await loadTicket(store, principal.workspaceId, request.params.id);
      const workspaceId = ticket.workspaceId;
      const [customer, agents, teams, messages, events] = await Promise.all([
        store.customers.get(workspaceId, ticket.customerId),
        store.agents.list(workspaceId),
        store.teams.list(workspaceId),
        store.messages.list({ workspaceId, ticketId: ticket.id, limit: timelineLimit }),
        store.events.list({ workspaceId, ticketId: ticket.id, limit: 1000 }),
      ]);
      const assignee = agents.find((agent) => agent.id === ticket.assigneeId);
      const team = teams.find((candidate) => candidate.id === ticket.teamId);
      return {
        ...toTicketDto(ticket),
        customer: customer === null ? null : toCustomerSummary(customer),
        assignee: assignee === undefined ? null : { id: assignee.id, name: assignee.name },
        team: team === undefined ? null : { id: team.id, name: team.name },
        messages: [...messages.items].reverse().map(toMessageDto),
        notes: events.map(toNote).filter((note) => note !== null),
      };
    },
  );
};
