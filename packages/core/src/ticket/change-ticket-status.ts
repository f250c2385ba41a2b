import type { Actor } from '../events/domain-event.ts';
import type { UnstampedEvent } from '../events/stamp-event.ts';
import type { Ticket, TicketStatus } from './ticket.ts';
import { transitionTicket } from './transition-ticket.ts';

/** Moves a ticket through the status machine (409 on a forbidden move) and records why it changed. */
export const changeTicketStatus = (
  ticket: Ticket,
  to: TicketStatus,
  actor: Actor,
  now: Date,
): { ticket: Ticket; events: UnstampedEvent[] } => {
  const status = transitionTicket(ticket.status, to);
  if (status === ticket.status) return { ticket, events: [] };
  const isResolving = status === 'resolved' || (status === 'closed' && ticket.resolvedAt === null);
  const updated: Ticket = {
    ...ticket,
    status,
    resolvedAt: isResolving ? now : status === 'open' ? null : ticket.resolvedAt,
    updatedAt: now,
  };
  const envelope = { workspaceId: ticket.workspaceId, actor, ticketId: ticket.id, customerId: ticket.customerId };
  const events: UnstampedEvent[] = [
    { ...envelope, type: 'ticket.status-changed', data: { from: ticket.status, to: status } },
    ...(status === 'resolved' ? [{ ...envelope, type: 'ticket.resolved' as const, data: { isAutomated: false } }] : []),
  ];
  return { ticket: updated, events };
};
