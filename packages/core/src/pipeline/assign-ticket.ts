import type { Customer } from '../customer/customer.ts';
import { type RoutingDecision, type RoutingInput, routeTicket } from '../routing/route-ticket.ts';
import type { Ticket } from '../ticket/ticket.ts';
import type { PipelineRun } from './pipeline-run.ts';

export type RuleRoutingTarget = RoutingInput['ruleTarget'];

/** Re-routing rounds when other transactions keep filling the chosen agents; then the team queue. */
const maxClaims = 3;

/**
 * Routing's choice holds only if the agent's load did not change meanwhile: the agent's row lock serialises
 * this claim with agents taking tickets by hand and other workers until commit, and the load is read again
 * under it. A changed load re-routes with the fresh counts, so two workers never assign past capacity.
 */
const claimAgent = async (
  run: PipelineRun,
  route: (counts: Readonly<Record<string, number>>) => RoutingDecision,
  counts: Readonly<Record<string, number>>,
): Promise<RoutingDecision> => {
  const { repos } = run.deps;
  let seen = counts;
  for (let attempt = 0; attempt < maxClaims; attempt += 1) {
    const decision = route(seen);
    if (decision.agentId === null) return decision;
    await repos.agents.lockForAssignment(run.workspaceId, decision.agentId);
    const locked = await repos.tickets.countOpenByAssignee(run.workspaceId);
    if ((locked[decision.agentId] ?? 0) <= (seen[decision.agentId] ?? 0)) return decision;
    seen = locked;
  }
  const queued = route(seen);
  return {
    ...queued,
    agentId: null,
    reason: 'agents filled up while the ticket was being assigned: waits in the queue',
  };
};

/** Routes a ticket to the best available agent or its team queue and records why. */
export const assignTicket = async (
  run: PipelineRun,
  ticket: Ticket,
  context: { sentiment: number; customer: Customer; ruleTarget?: RuleRoutingTarget },
): Promise<Ticket> => {
  const { repos } = run.deps;
  const [agents, teams, openTicketsByAgent, businessHours] = await Promise.all([
    repos.agents.list(run.workspaceId),
    repos.teams.list(run.workspaceId),
    repos.tickets.countOpenByAssignee(run.workspaceId),
    repos.businessHours.list(run.workspaceId),
  ]);
  const route = (counts: Readonly<Record<string, number>>) =>
    routeTicket({
      ticket: {
        category: ticket.category,
        language: ticket.language,
        priorityBand: ticket.priorityBand,
        sentiment: context.sentiment,
        customerFollowers: context.customer.followers,
        customerIsVerified: context.customer.isVerified,
      },
      agents,
      teams,
      openTicketsByAgent: counts,
      businessHours,
      now: run.now,
      ...(context.ruleTarget === undefined ? {} : { ruleTarget: context.ruleTarget }),
    });
  const decision = await claimAgent(run, route, openTicketsByAgent);
  run.events.push({
    type: 'ticket.assigned',
    workspaceId: run.workspaceId,
    actor: { type: 'system' },
    ticketId: ticket.id,
    customerId: ticket.customerId,
    data: { agentId: decision.agentId, teamId: decision.teamId, reason: decision.reason },
  });
  return { ...ticket, assigneeId: decision.agentId, teamId: decision.teamId, updatedAt: run.now };
};
