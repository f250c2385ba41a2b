import { DomainError } from '../errors/domain-error.ts';
import type { Actor } from '../events/domain-event.ts';
import type { UnstampedEvent } from '../events/stamp-event.ts';
import { changeTicketStatus } from './change-ticket-status.ts';
import type { Ticket } from './ticket.ts';

/** Parks a ticket as `pending` until a time; the `ticket.snoozed` event carries when it should come back. */
export const snoozeTicket = (
  ticket: Ticket,
  until: Date,
  actor: Actor,
  now: Date,
): { ticket: Ticket; events: UnstampedEvent[] } => {
  if (until <= now) throw new DomainError('invalid-input', 'until: must be in the future.');
  const pending = changeTicketStatus(ticket, 'pending', actor, now);
  const snoozed: UnstampedEvent = {
    type: 'ticket.snoozed',
    workspaceId: ticket.workspaceId,
    actor,
    ticketId: ticket.id,
    customerId: ticket.customerId,
    data: { until: until.toISOString() },
  };
  return { ticket: pending.ticket, events: [...pending.events, snoozed] };
};
