import type { AssignBody } from '@ascolta/contracts';
import {
  DomainError,
  type IdGenerator,
  planHandoffNotice,
  type Repositories,
  reassignTicket,
  type Team,
  type Ticket,
} from '@ascolta/core';
import type { ApiContext } from '../http/api-context.ts';
import { appendEvents } from '../http/append-events.ts';
import { actorOf, type Principal } from '../http/authenticate.ts';
import { loadTicket } from '../http/load-ticket.ts';
import { queueOutboundMessages } from '../http/store-reply-plan.ts';

const lockAgent = async (tx: Repositories, workspaceId: string, agentId: string | null | undefined) => {
  if (agentId === null || agentId === undefined) return null;
  // The row lock serialises concurrent assignments to this agent until commit: capacity holds under races.
  const agent = await tx.agents.lockForAssignment(workspaceId, agentId);
  if (agent === null) throw new DomainError('invalid-input', `agentId: agent ${agentId} does not exist.`);
  return agent;
};

const findTeam = async (tx: Repositories, workspaceId: string, teamId: string | null | undefined) => {
  if (teamId === null || teamId === undefined) return null;
  const team = (await tx.teams.list(workspaceId)).find((candidate) => candidate.id === teamId);
  if (team === undefined) throw new DomainError('invalid-input', `teamId: team ${teamId} does not exist.`);
  return team;
};

/** Assigns a ticket to an agent and/or team inside one transaction, respecting the agent's capacity. */
export const assignTicketByHand = async (
  { store, clock, ids }: ApiContext,
  principal: Principal,
  ticketId: string,
  body: AssignBody,
): Promise<Ticket> =>
  store.transaction(async (tx) => {
    const ticket = await loadTicket(tx, principal.workspaceId, ticketId);
    // Only a team given: the assignee stays (and is not counted against capacity again).
    const agent = await lockAgent(
      tx,
      ticket.workspaceId,
      body.agentId === undefined ? ticket.assigneeId : body.agentId,
    );
    const team = await findTeam(tx, ticket.workspaceId, body.teamId);
    const counts = agent === null ? {} : await tx.tickets.countOpenByAssignee(ticket.workspaceId);
    const plan = reassignTicket(
      {
        ticket,
        agent,
        team,
        agentOpenTickets: agent === null ? 0 : (counts[agent.id] ?? 0),
        actor: actorOf(principal),
      },
      clock.now(),
    );
    await tx.tickets.update(plan.ticket);
    await appendEvents(tx, plan.events, clock, ids);
    if (team !== null && body.notifyCustomer !== false) await queueHandoffNotice(tx, ticket, team, clock.now(), ids);
    return plan.ticket;
  });

/** The customer hears, where they wrote, that another team now has their request (core's `planHandoffNotice`). */
const queueHandoffNotice = async (tx: Repositories, ticket: Ticket, team: Team, now: Date, ids: IdGenerator) => {
  const [lastInbound] = (
    await tx.messages.list({ workspaceId: ticket.workspaceId, ticketId: ticket.id, direction: 'inbound', limit: 1 })
  ).items;
  const channel = await tx.channels.get(ticket.workspaceId, ticket.channelId);
  if (lastInbound === undefined || channel === null || !channel.isActive) return;
  const customer = await tx.customers.get(ticket.workspaceId, ticket.customerId);
  const settings = await tx.settings.get(ticket.workspaceId);
  const messages = planHandoffNotice(
    { ticket, team, channel, lastInbound, customerName: customer?.displayName ?? '', tone: settings?.tone ?? {} },
    now,
    ids,
  );
  await queueOutboundMessages(tx, messages);
};
