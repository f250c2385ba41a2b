import type { Agent } from '../agent/agent.ts';
import { type PriorityBand, priorityBands, type Ticket, type TicketStatus } from '../ticket/ticket.ts';

const workableStatuses: readonly TicketStatus[] = ['new', 'open'];

const bandRank = (band: PriorityBand): number => priorityBands.indexOf(band);
const dueTime = (ticket: Ticket): number => ticket.firstResponseDueAt?.getTime() ?? Number.POSITIVE_INFINITY;

const canHandle = (agent: Agent, ticket: Ticket): boolean =>
  (ticket.assigneeId === null || ticket.assigneeId === agent.id) &&
  (ticket.teamId === null || agent.teamIds.includes(ticket.teamId)) &&
  (agent.skills.length === 0 || agent.skills.includes(ticket.category)) &&
  (agent.languages.length === 0 || agent.languages.includes(ticket.language));

/**
 * "Take next": the most pressing workable ticket the agent can handle — highest band, then highest
 * score, then the earliest first-response due time, then the oldest.
 */
export const nextBestTicket = (agent: Agent, tickets: readonly Ticket[]): Ticket | null => {
  const workable = tickets.filter((ticket) => workableStatuses.includes(ticket.status) && canHandle(agent, ticket));
  workable.sort(
    (a, b) =>
      bandRank(b.priorityBand) - bandRank(a.priorityBand) ||
      b.priorityScore - a.priorityScore ||
      dueTime(a) - dueTime(b) ||
      a.createdAt.getTime() - b.createdAt.getTime(),
  );
  return workable[0] ?? null;
};
