import {
  convertBody,
  convertResponse,
  errorResponse,
  idParams,
  mergeBody,
  mergeResponse,
  snoozeBody,
  ticketDto,
} from '@ascolta/contracts';
import { convertMessage, DomainError, defaultPriorityBands, mergeTickets, snoozeTicket } from '@ascolta/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiContext } from '../http/api-context.ts';
import { appendEvents } from '../http/append-events.ts';
import { actorOf, requirePermission } from '../http/authenticate.ts';
import { loadTicket } from '../http/load-ticket.ts';
import { toMessageDto, toTicketDto } from '../http/to-dto.ts';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const base = { security: [{ apiKey: [] }], params: idParams };

/** Merge, snooze, and turning an ignored post into a ticket. */
export const ticketLifecycleRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, context) => {
  const { store, clock, ids } = context;

  app.post(
    '/api/v1/tickets/:id/merge',
    {
      schema: {
        ...base,
        tags: ['tickets'],
        summary: 'Merge this ticket into another of the same customer',
        description: 'Moves its messages to `intoTicketId` and closes it (supervisors).',
        body: mergeBody,
        response: { 200: mergeResponse, ...errors },
      },
    },
    async (request) => {
      const principal = await requirePermission(context, request, 'tickets.merge');
      return store.transaction(async (tx) => {
        const duplicate = await loadTicket(tx, principal.workspaceId, request.params.id);
        const survivor = await loadTicket(tx, principal.workspaceId, request.body.intoTicketId);
        const merged = mergeTickets(duplicate, survivor, actorOf(principal), clock.now());
        const movedMessageIds: string[] = [];
        let cursor: string | null = null;
        do {
          const page = await tx.messages.list({
            workspaceId: duplicate.workspaceId,
            ticketId: duplicate.id,
            cursor,
            limit: 200,
          });
          for (const message of page.items) {
            await tx.messages.update({ ...message, ticketId: survivor.id });
            movedMessageIds.push(message.id);
          }
          cursor = page.nextCursor;
        } while (cursor !== null);
        await tx.tickets.update(merged.duplicate);
        await appendEvents(tx, merged.events, clock, ids);
        return { ticket: toTicketDto(survivor), movedMessageIds };
      });
    },
  );

  app.post(
    '/api/v1/tickets/:id/snooze',
    {
      schema: {
        ...base,
        tags: ['tickets'],
        summary: 'Snooze until a time',
        description:
          'Moves the ticket to `pending`; the `ticket.snoozed` event records `until`, and at that time the ticket ' +
          'returns to `open` unless it moved on or was snoozed again.',
        body: snoozeBody,
        response: { 200: ticketDto, ...errors },
      },
    },
    async (request) => {
      const principal = await requirePermission(context, request, 'tickets.update');
      const ticket = await store.transaction(async (tx) => {
        const current = await loadTicket(tx, principal.workspaceId, request.params.id);
        const snoozed = snoozeTicket(current, new Date(request.body.until), actorOf(principal), clock.now());
        await tx.tickets.update(snoozed.ticket);
        await appendEvents(tx, snoozed.events, clock, ids);
        // The wake-up commits with the snooze (worker: snooze-wake-job.ts).
        const until = new Date(request.body.until);
        await tx.jobs.send(
          'ticket.wake',
          { workspaceId: principal.workspaceId, ticketId: current.id, until: until.toISOString() },
          { startAfter: until, singletonKey: `wake:${current.id}:${until.toISOString()}` },
        );
        return snoozed.ticket;
      });
      return toTicketDto(ticket);
    },
  );

  app.post(
    '/api/v1/messages/:id/convert',
    {
      schema: {
        ...base,
        tags: ['messages'],
        summary: 'Turn an ignored post into a ticket',
        description: 'Records triage feedback (actionable, and the category if given) for the next retraining.',
        body: convertBody,
        response: { 201: convertResponse, ...errors },
      },
    },
    async (request, response) => {
      const principal = await requirePermission(context, request, 'messages.convert');
      const converted = await store.transaction(async (tx) => {
        const message = await tx.messages.get(principal.workspaceId, request.params.id);
        if (message === null) throw new DomainError('not-found', `Message ${request.params.id} does not exist.`);
        const settings = await tx.settings.get(principal.workspaceId);
        const plan = convertMessage(
          message,
          {
            category: request.body.category ?? null,
            agentId: principal.kind === 'agent' ? principal.agentId : null,
            actor: actorOf(principal),
            bands: settings?.priorityBands ?? defaultPriorityBands,
          },
          clock.now(),
          ids,
        );
        const ticket = await tx.tickets.insert(plan.ticket);
        await tx.messages.update(plan.message);
        for (const feedback of plan.feedback) await tx.triageFeedback.insert(feedback);
        await appendEvents(tx, plan.events, clock, ids);
        return { ticket, message: plan.message };
      });
      return response
        .status(201)
        .send({ ticket: toTicketDto(converted.ticket), message: toMessageDto(converted.message) });
    },
  );
};
