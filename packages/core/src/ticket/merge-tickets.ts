import { DomainError } from '../errors/domain-error.ts';
import type { Actor } from '../events/domain-event.ts';
import type { UnstampedEvent } from '../events/stamp-event.ts';
import { changeTicketStatus } from './change-ticket-status.ts';
import type { Ticket } from './ticket.ts';

/**
 * Folds a duplicate ticket into another of the same customer: the caller moves its messages, the duplicate
 * is closed and points at the survivor through the `ticket.merged` event.
 */
export const mergeTickets = (
  duplicate: Ticket,
  survivor: Ticket,
  actor: Actor,
  now: Date,
): { duplicate: Ticket; events: UnstampedEvent[] } => {
  if (duplicate.id === survivor.id)
    throw new DomainError('invalid-input', 'intoTicketId: a ticket cannot be merged into itself.');
  if (duplicate.customerId !== survivor.customerId) {
    throw new DomainError('conflict', 'Only tickets of the same customer can be merged.');
  }
  if (survivor.status === 'closed') throw new DomainError('ticket-closed', 'The ticket to merge into is closed.');
  const closed = changeTicketStatus(duplicate, 'closed', actor, now);
  const merged: UnstampedEvent = {
    type: 'ticket.merged',
    workspaceId: duplicate.workspaceId,
    actor,
    ticketId: duplicate.id,
    customerId: duplicate.customerId,
    data: { intoTicketId: survivor.id },
  };
  return { duplicate: closed.ticket, events: [...closed.events, merged] };
};
