import type { Agent, Team } from '../agent/agent.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { Actor } from '../events/domain-event.ts';
import type { UnstampedEvent } from '../events/stamp-event.ts';
import type { Ticket } from './ticket.ts';

export interface ReassignInput {
  ticket: Ticket;
  /** The new assignee, or null to put the ticket back in its team's queue. */
  agent: Agent | null;
  team: Team | null;
  /** Open tickets the agent holds now (this one excluded), counted inside the assigning transaction. */
  agentOpenTickets: number;
  actor: Actor;
}

/** Hands a ticket to an agent or a team by hand; an agent at capacity is refused. */
export const reassignTicket = (input: ReassignInput, now: Date): { ticket: Ticket; events: UnstampedEvent[] } => {
  const { ticket, agent, team } = input;
  if (ticket.status === 'closed') throw new DomainError('ticket-closed', 'A closed ticket cannot be reassigned.');
  if (agent !== null && ticket.assigneeId !== agent.id && input.agentOpenTickets >= agent.capacity) {
    throw new DomainError(
      'capacity-reached',
      `${agent.name} already holds ${input.agentOpenTickets} open tickets, the capacity of ${agent.capacity}.`,
      { agentId: agent.id, capacity: agent.capacity },
    );
  }
  const teamId =
    team?.id ??
    (agent !== null && ticket.teamId !== null && !agent.teamIds.includes(ticket.teamId) ? null : ticket.teamId);
  const updated: Ticket = { ...ticket, assigneeId: agent?.id ?? null, teamId, updatedAt: now };
  const event: UnstampedEvent = {
    type: 'ticket.assigned',
    workspaceId: ticket.workspaceId,
    actor: input.actor,
    ticketId: ticket.id,
    customerId: ticket.customerId,
    data: { agentId: updated.assigneeId, teamId: updated.teamId, reason: 'assigned by hand' },
  };
  return { ticket: updated, events: [event] };
};
