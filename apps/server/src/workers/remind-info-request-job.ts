import type { JobHandler, Message } from '@ascolta/core';
import type { WorkerContext } from './worker-context.ts';

/**
 * `info-request.remind`: the bot's one reminder, sent only while the ticket still waits for the customer,
 * in the private conversation the information request opened.
 */
export const remindInfoRequestJob =
  (context: WorkerContext): JobHandler<'info-request.remind'> =>
  (job) =>
    context.store.transaction(async (repos) => {
      const { workspaceId, ticketId, text } = job.data;
      const ticket = await repos.tickets.get(workspaceId, ticketId);
      if (ticket === null || ticket.status !== 'awaiting_customer') return;
      const outbound = await repos.messages.list({ workspaceId, ticketId, direction: 'outbound', limit: 100 });
      const request = outbound.items
        .filter((message) => message.metadata.purpose === 'info-request')
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
      if (request === undefined) return;
      const now = context.clock.now();
      const id = context.ids.newId();
      const reminder: Message = {
        ...request,
        id,
        // Placeholder until the platform assigns its id, unique per channel like the pipeline's.
        externalId: `queued:${id}`,
        inReplyToExternalId: request.visibility === 'public' ? request.inReplyToExternalId : null,
        text,
        metadata: {
          recipientExternalId: request.metadata.recipientExternalId,
          purpose: 'info-request-reminder',
          isAutomated: true,
          privateReplyToExternalId: null,
        },
        deliveryState: 'queued',
        deliveryError: null,
        receivedAt: now,
        createdAt: now,
      };
      await repos.messages.insertIdempotent(reminder);
      await repos.jobs.send('outbound.send', { workspaceId, messageId: id }, { singletonKey: id });
    });
