import { DomainError, type Incident, planAgentReply, planIncidentBroadcast } from '@ascolta/core';
import type { ApiContext } from '../http/api-context.ts';
import { appendEvents } from '../http/append-events.ts';
import { actorOf, type Principal } from '../http/authenticate.ts';

export interface PublishedSolution {
  incident: Incident;
  queuedMessageIds: string[];
  ticketIdsNeedingAgent: string[];
}

// Every linked ticket of one incident fits here; incidents are tens to a few hundred reports.
const linkedTicketLimit = 1000;

/**
 * Stores the solution, then answers every open linked ticket through the same channel rules as an agent's
 * reply, all in one transaction. A ticket whose channel cannot take the message (a closed window) is
 * reported as untranslated for an agent rather than failing the whole publication.
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
      const channel = ticket === undefined ? null : await tx.channels.get(ticket.workspaceId, ticket.channelId);
      const inbound = await tx.messages.list({
        workspaceId: incident.workspaceId,
        ticketId: draft.ticketId,
        direction: 'inbound',
        limit: 1,
      });
      const lastInbound = inbound.items[0];
      if (ticket === undefined || channel === null || lastInbound === undefined) continue;
      try {
        const plan = planAgentReply(
          {
            ticket,
            channel,
            lastInbound,
            text: draft.text,
            visibility: lastInbound.visibility,
            overflow: 'split',
            templateId: null,
            actor: actorOf(principal),
            agentId: null,
          },
          now,
          ids,
        );
        for (const message of plan.messages) {
          await tx.messages.insertIdempotent(message);
          await tx.jobs.send(
            'outbound.send',
            { workspaceId: ticket.workspaceId, messageId: message.id },
            { singletonKey: message.id },
          );
          queuedMessageIds.push(message.id);
        }
        await tx.tickets.update(plan.ticket);
        await appendEvents(tx, plan.events, clock, ids);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        ticketIdsNeedingAgent.push(ticket.id);
      }
    }
    await appendEvents(
      tx,
      broadcast.events.map((event) => ({ ...event, actor: actorOf(principal) })),
      clock,
      ids,
    );
    return { incident, queuedMessageIds, ticketIdsNeedingAgent };
  });
