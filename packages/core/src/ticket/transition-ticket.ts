import { DomainError } from '../errors/domain-error.ts';
import type { TicketStatus } from './ticket.ts';

/** Allowed moves of the ticket status machine. `closed` is final: a new message opens a new ticket. */
const allowedTransitions: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['awaiting_customer', 'open', 'pending', 'resolved', 'closed'],
  awaiting_customer: ['open', 'pending', 'resolved', 'closed'],
  open: ['awaiting_customer', 'pending', 'resolved', 'closed'],
  pending: ['open', 'awaiting_customer', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: [],
};

export const canTransitionTicket = (from: TicketStatus, to: TicketStatus): boolean =>
  allowedTransitions[from].includes(to);

/** Returns the new status or throws `invalid-transition` (`ticket-closed` for a closed ticket). */
export const transitionTicket = (from: TicketStatus, to: TicketStatus): TicketStatus => {
  if (from === to) return to;
  if (from === 'closed') throw new DomainError('ticket-closed', 'A closed ticket cannot change status.');
  if (!canTransitionTicket(from, to)) {
    throw new DomainError('invalid-transition', `A ticket cannot move from ${from} to ${to}.`, { from, to });
  }
  return to;
};
