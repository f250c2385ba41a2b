import {
  type AgentReplyPlan,
  DomainError,
  type Incident,
  planAgentReply,
  planIncidentBroadcast,
  type Repositories,
  type Ticket,
} from '@ascolta/core';
import type { ApiContext } from '../http/api-context.ts';
import { appendEvents } from '../http/append-events.ts';
import { actorOf, type Principal } from '../http/authenticate.ts';
import { storeReplyPlan } from '../http/store-reply-plan.ts';

export interface PublishedSolution {
  incident: Incident;
  queuedMessageIds: string[];
  ticketIdsNeedingAgent: string[];
}

// Every linked ticket of one incident fits here; incidents are tens to a few hundred reports.
const linkedTicketLimit = 1000;

/** Queues the solution on one ticket under the channel's rules; null when the channel cannot take it now. */
const answerLinkedTicket = async (
  tx: Repositories,
  { clock, ids }: Pick<ApiContext, 'clock' | 'ids'>,
  ticket: Ticket,
  text: string,
  principal: Principal,
): Promise<string[] | null> => {
  const channel = await tx.channels.get(ticket.workspaceId, ticket.channelId);
  const inbound = await tx.messages.list({
    workspaceId: ticket.workspaceId,
    ticketId: ticket.id,
    direction: 'inbound',
    limit: 1,
  });
  const lastInbound = inbound.items[0];
  if (channel === null || lastInbound === undefined) return null;
  let plan: AgentReplyPlan;
  try {
    const input = {
      ticket,
      channel,
      lastInbound,
      text,
      visibility: lastInbound.visibility,
      overflow: 'split' as const,
    };
    plan = planAgentReply({ ...input, templateId: null, actor: actorOf(principal), agentId: null }, clock.now(), ids);
  } catch (error) {
    // A refusal (closed window, WhatsApp template) hands the ticket to an agent; anything else is a bug.
    if (error instanceof DomainError) return null;
    throw error;
  }
  await storeReplyPlan(tx, plan, clock, ids);
  return plan.messages.map((message) => message.id);
};

/**
 * Stores the solution, then answers every open linked ticket through the same channel rules as an agent's
 * reply, all in one transaction. A ticket whose channel cannot take the message (a closed window) is
 * listed for an agent rather than failing the whole publication.
 */
export const publishIncidentSolution = async (
  { store, clock, ids }: ApiContext,
  principal: Principal,
  incidentId: string,
  body: { solution: Record<string, string>; resolve: boolean },
): Promise<PublishedSolution> =>
  store.transaction(async (tx) => {
    const found = await tx.incidents.get(principal.workspaceId, incidentId);
    if (found === null) throw new DomainError('not-found', `Incident ${incidentId} does not exist.`);
    const now = clock.now();
    const incident: Incident = {
      ...found,
      solution: { ...found.solution, ...body.solution },
      ...(body.resolve ? { status: 'resolved', resolvedAt: found.resolvedAt ?? now } : {}),
    };
    await tx.incidents.update(incident);
    const all = await tx.tickets.list({ workspaceId: incident.workspaceId, limit: linkedTicketLimit });
    const linked = all.items.filter((ticket) => ticket.incidentId === incident.id);
    const broadcast = planIncidentBroadcast(incident, linked);
    const queuedMessageIds: string[] = [];
    const ticketIdsNeedingAgent = [...broadcast.untranslatedTicketIds];
    for (const draft of broadcast.messages) {
      const ticket = linked.find((candidate) => candidate.id === draft.ticketId);
      if (ticket === undefined) continue;
      const queued = await answerLinkedTicket(tx, { clock, ids }, ticket, draft.text, principal);
      if (queued === null) ticketIdsNeedingAgent.push(ticket.id);
      else queuedMessageIds.push(...queued);
    }
    await appendEvents(
      tx,
      broadcast.events.map((event) => ({ ...event, actor: actorOf(principal) })),
      clock,
      ids,
    );
    return { incident, queuedMessageIds, ticketIdsNeedingAgent };
  });
