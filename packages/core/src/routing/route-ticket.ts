import type { Agent, BusinessHours, Team } from '../agent/agent.ts';
import { nextOpeningAt } from '../sla/next-opening-at.ts';
import type { PriorityBand } from '../ticket/ticket.ts';

/** What routing needs to know about the ticket. */
export interface RoutingTicket {
  category: string;
  language: string;
  priorityBand: PriorityBand;
  /** Triage sentiment, -1..1. */
  sentiment: number;
  customerFollowers: number;
  customerIsVerified: boolean;
}

export interface RoutingInput {
  ticket: RoutingTicket;
  agents: readonly Agent[];
  teams: readonly Team[];
  /** Open tickets each agent holds now, by agent id; missing means none. */
  openTicketsByAgent: Readonly<Record<string, number>>;
  businessHours: readonly BusinessHours[];
  now: Date;
  /** A supervisor rule's choice: the agent if available, else the team (its queue if nobody is free). */
  ruleTarget?: { teamId: string | null; agentId: string | null; rule: string };
}

/** The parts of an agent's score, each already weighted, so the choice can be explained. */
export interface AgentScore {
  agentId: string;
  score: number;
  parts: { skill: number; language: number; load: number; rating: number; responseTime: number };
  /** Why the agent cannot take the ticket now, or null when available. */
  unavailableReason: string | null;
}

export interface RoutingDecision {
  agentId: string | null;
  teamId: string | null;
  /** One line for the `ticket.assigned` event and the agent's view. */
  reason: string;
  /** Every agent considered, best first. */
  candidates: AgentScore[];
}

const weights = { skill: 40, language: 30, load: 20, rating: 10, responseTime: 5 };
/** A strongly negative post from someone many people read goes to the best-rated agents. */
const sensitiveRatingWeight = 40;
const influentialFollowers = 10_000;

const isSensitiveTicket = (ticket: RoutingTicket): boolean =>
  ticket.sentiment <= -0.5 &&
  (ticket.customerFollowers >= influentialFollowers || ticket.customerIsVerified || ticket.priorityBand === 'urgent');

const unavailableReason = (agent: Agent, load: number, input: RoutingInput): string | null => {
  if (agent.presence !== 'online') return `${agent.presence}`;
  if (load >= agent.capacity) return `at capacity (${load}/${agent.capacity})`;
  const hours = input.businessHours.find((candidate) => candidate.id === agent.businessHoursId);
  if (hours !== undefined && nextOpeningAt(input.now, hours).getTime() !== input.now.getTime()) {
    return 'outside working hours';
  }
  return null;
};

const scoreAgent = (agent: Agent, input: RoutingInput): AgentScore => {
  const load = input.openTicketsByAgent[agent.id] ?? 0;
  const ratingWeight = isSensitiveTicket(input.ticket) ? sensitiveRatingWeight : weights.rating;
  // Unrated agents and unknown response times count as average, not as bad.
  const ratingShare = agent.rating === null ? 0.5 : (agent.rating - 1) / 4;
  const responseShare =
    agent.averageFirstResponseMinutes === null ? 0.5 : 30 / (30 + agent.averageFirstResponseMinutes);
  const parts = {
    skill: agent.skills.includes(input.ticket.category) ? weights.skill : 0,
    language: agent.languages.includes(input.ticket.language) ? weights.language : 0,
    load: agent.capacity > 0 ? weights.load * Math.max(0, 1 - load / agent.capacity) : 0,
    rating: ratingWeight * ratingShare,
    responseTime: weights.responseTime * responseShare,
  };
  const score = Math.round(Object.values(parts).reduce((sum, part) => sum + part, 0) * 10) / 10;
  return { agentId: agent.id, score, parts, unavailableReason: unavailableReason(agent, load, input) };
};

const pickTeam = (input: RoutingInput): Team | null =>
  input.teams.find((team) => team.id === input.ruleTarget?.teamId) ??
  input.teams.find(
    (team) => team.categories.includes(input.ticket.category) && team.languages.includes(input.ticket.language),
  ) ??
  input.teams.find((team) => team.categories.includes(input.ticket.category)) ??
  null;

/**
 * Picks the best available agent by a transparent score (skill, language, load, rating, response time),
 * preferring the team that handles the category; with nobody available the ticket waits in the team queue.
 */
export const routeTicket = (input: RoutingInput): RoutingDecision => {
  const byRule = routeToRuleAgent(input);
  if (byRule !== null) return byRule;
  const team = pickTeam(input);
  const pool = team === null ? input.agents : input.agents.filter((agent) => agent.teamIds.includes(team.id));
  const candidates = pool.map((agent) => scoreAgent(agent, input)).sort((a, b) => b.score - a.score);
  // A rule that picked the team also vouches for its agents' skills.
  const best = candidates.find(
    (candidate) => candidate.unavailableReason === null && (candidate.parts.skill > 0 || isRuleTeam(input, team)),
  );
  const teamId = team?.id ?? null;
  const ruleNote = isRuleTeam(input, team) ? ` (${input.ruleTarget?.rule})` : '';
  if (best === undefined) {
    const queue = team === null ? 'the workspace queue' : `team ${team.name}`;
    return {
      agentId: null,
      teamId,
      reason: `no available agent for ${input.ticket.category}: waits in ${queue}${ruleNote}`,
      candidates,
    };
  }
  const parts = Object.entries(best.parts)
    .map(([part, points]) => `${part} ${Math.round(points * 10) / 10}`)
    .join(', ');
  return {
    agentId: best.agentId,
    teamId,
    reason: `best available agent, score ${best.score} (${parts})${ruleNote}`,
    candidates,
  };
};

const isRuleTeam = (input: RoutingInput, team: Team | null): boolean =>
  team !== null && input.ruleTarget?.teamId === team.id;

/** The rule's agent takes the ticket when available; otherwise routing goes on with the rule's team. */
const routeToRuleAgent = (input: RoutingInput): RoutingDecision | null => {
  const target = input.ruleTarget;
  const agent = input.agents.find((candidate) => candidate.id === target?.agentId);
  if (target === undefined || agent === undefined) return null;
  const score = scoreAgent(agent, input);
  if (score.unavailableReason !== null) return null;
  const teamId = target.teamId ?? agent.teamIds[0] ?? null;
  return { agentId: agent.id, teamId, reason: `chosen by ${target.rule}`, candidates: [score] };
};
