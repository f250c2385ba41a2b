import {
  convertBody,
  convertResponse,
  errorResponse,
  idParams,
  mergeBody,
  mergeResponse,
  snoozeBody,
  ticketDto,
  triageCorrectionBody,
} from '@ascolta/contracts';
import {
  convertMessage,
  correctTicketTriage,
  DomainError,
  defaultPriorityBands,
  mergeTickets,
  snoozeTicket,
} from '@ascolta/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiContext } from '../http/api-context.ts';
import { appendEvents } from '../http/append-events.ts';
import { actorOf, requirePermission } from '../http/authenticate.ts';
import { loadTicket } from '../http/load-ticket.ts';
import { toMessageDto, toTicketDto } from '../http/to-dto.ts';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const base = { security: [{ apiKey: [] }], params: idParams };

/** Merge, snooze, triage corrections, and turning an ignored post into a ticket. */
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
    '/api/v1/tickets/:id/triage-correction',
    {
      schema: {
        ...base,
        tags: ['tickets'],
        summary: "Correct the triage: the ticket's category, or not actionable",
        description:
          'A new `category` is set on the ticket; `actionable: false` closes it. Each correction is kept as triage feedback on the text of the message that opened the ticket, for the next `ascolta triage train` (`GET /api/v1/triage/feedback`).',
        body: triageCorrectionBody,
        response: { 200: ticketDto, ...errors },
      },
    },
    async (request) => {
      const principal = await requirePermission(context, request, 'tickets.update');
      const ticket = await store.transaction(async (tx) => {
        const current = await loadTicket(tx, principal.workspaceId, request.params.id);
        const [openingMessage] = (
          await tx.messages.list({
            workspaceId: current.workspaceId,
            ticketId: current.id,
            direction: 'inbound',
            limit: 500,
          })
        ).items.slice(-1);
        if (openingMessage === undefined)
          throw new DomainError('conflict', 'The ticket has no customer message to learn from.');
        const plan = correctTicketTriage(
          {
            ticket: current,
            openingMessage,
            correction: request.body,
            agentId: principal.kind === 'agent' ? principal.agentId : null,
            actor: actorOf(principal),
          },
          clock.now(),
          ids,
        );
        await tx.tickets.update(plan.ticket);
        for (const feedback of plan.feedback) await tx.triageFeedback.insert(feedback);
        await appendEvents(tx, plan.events, clock, ids);
        return plan.ticket;
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
