import type { Customer } from '../customer/customer.ts';
import { type RoutingInput, routeTicket } from '../routing/route-ticket.ts';
import type { Ticket } from '../ticket/ticket.ts';
import type { PipelineRun } from './pipeline-run.ts';

export type RuleRoutingTarget = RoutingInput['ruleTarget'];

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
  const decision = routeTicket({
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
    openTicketsByAgent,
    businessHours,
    now: run.now,
    ...(context.ruleTarget === undefined ? {} : { ruleTarget: context.ruleTarget }),
  });
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
