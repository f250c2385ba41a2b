import { DomainError, nextBestTicket, reassignTicket, type Ticket } from '@ascolta/core';
import type { ApiContext } from '../http/api-context.ts';
import { appendEvents } from '../http/append-events.ts';
import { actorOf, type Principal } from '../http/authenticate.ts';

// Another agent may take the chosen ticket first; try the next few before giving up.
const attempts = 3;

/** "Take next": core's `nextBestTicket` picks, then the ticket is claimed for the agent in one transaction. */
export const takeNextTicket = async (
  { store, clock, ids }: ApiContext,
  principal: Principal,
): Promise<Ticket | null> => {
  if (principal.kind !== 'agent') {
    throw new DomainError(
      'forbidden',
      'Only a signed-in agent can take the next ticket; API keys assign with /assign.',
    );
  }
  const taken = new Set<string>();
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const claimed = await store.transaction(async (tx) => {
      const agent = await tx.agents.lockForAssignment(principal.workspaceId, principal.agentId);
      if (agent === null) throw new DomainError('unauthenticated', 'The account of this session no longer exists.');
      const open = await tx.tickets.list({ workspaceId: agent.workspaceId, status: ['new', 'open'], limit: 200 });
      const best = nextBestTicket(
        agent,
        open.items.filter((ticket) => !taken.has(ticket.id)),
      );
      if (best === null) return { ticket: null };
      const current = await tx.tickets.get(agent.workspaceId, best.id);
      if (current === null || (current.assigneeId !== null && current.assigneeId !== agent.id)) {
        taken.add(best.id);
        return 'retry' as const;
      }
      const counts = await tx.tickets.countOpenByAssignee(agent.workspaceId);
      const plan = reassignTicket(
        { ticket: current, agent, team: null, agentOpenTickets: counts[agent.id] ?? 0, actor: actorOf(principal) },
        clock.now(),
      );
      await tx.tickets.update(plan.ticket);
      await appendEvents(tx, plan.events, clock, ids);
      return { ticket: plan.ticket };
    });
    if (claimed !== 'retry') return claimed.ticket;
  }
  return null;
};
