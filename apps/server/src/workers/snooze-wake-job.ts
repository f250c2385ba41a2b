import { changeTicketStatus, type JobHandler, stampEvent } from '@ascolta/core';
import type { WorkerContext } from './worker-context.ts';

/**
 * `ticket.wake`: a snoozed ticket comes back to `open` at its `until`, with a `ticket.status-changed` event by
 * the system. Nothing happens when the ticket moved on meanwhile (a reply reopened it, an agent resolved it) or
 * was snoozed again (the latest `ticket.snoozed` names another time: that snooze has its own job).
 */
export const snoozeWakeJob =
  (context: WorkerContext): JobHandler<'ticket.wake'> =>
  (job) =>
    context.store.transaction(async (repos) => {
      const { workspaceId, ticketId, until } = job.data;
      const ticket = await repos.tickets.get(workspaceId, ticketId);
      if (ticket === null || ticket.status !== 'pending') return;
      const history = await repos.events.list({ workspaceId, ticketId });
      const latest = history.filter((event) => event.type === 'ticket.snoozed').at(-1);
      if (latest?.type !== 'ticket.snoozed' || latest.data.until !== until) return;
      const now = context.clock.now();
      const woken = changeTicketStatus(ticket, 'open', { type: 'system' }, now);
      await repos.tickets.update(woken.ticket);
      await repos.events.append(woken.events.map((event) => stampEvent(event, now, context.ids)));
    });
