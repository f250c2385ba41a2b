import { describe, expect, it } from 'vitest';
import type { Agent, BusinessHours, Team } from '../agent/agent.ts';
import type { Ticket } from '../ticket/ticket.ts';
import { nextBestTicket } from './next-best-ticket.ts';
import { type RoutingInput, routeTicket } from './route-ticket.ts';

const now = new Date('2026-03-10T10:00:00Z');

const agent = (id: string, overrides: Partial<Agent> = {}): Agent => ({
  id,
  workspaceId: 'ws',
  email: `${id}@example.com`,
  name: id,
  role: 'agent',
  skills: ['billing'],
  languages: ['it'],
  teamIds: ['team-billing'],
  capacity: 5,
  presence: 'online',
  businessHoursId: null,
  rating: 4,
  averageFirstResponseMinutes: 30,
  createdAt: now,
  ...overrides,
});

const billingTeam: Team = {
  id: 'team-billing',
  workspaceId: 'ws',
  name: 'Billing',
  categories: ['billing'],
  languages: ['it', 'en'],
  businessHoursId: null,
};

const input = (overrides: Partial<RoutingInput> = {}): RoutingInput => ({
  ticket: {
    category: 'billing',
    language: 'it',
    priorityBand: 'normal',
    sentiment: 0,
    customerFollowers: 10,
    customerIsVerified: false,
  },
  agents: [],
  teams: [billingTeam],
  openTicketsByAgent: {},
  businessHours: [],
  now,
  ...overrides,
});

describe('routeTicket', () => {
  it('prefers the skilled agent who writes the language and explains why', () => {
    const decision = routeTicket(input({ agents: [agent('english-only', { languages: ['en'] }), agent('italian')] }));
    expect(decision.agentId).toBe('italian');
    expect(decision.teamId).toBe('team-billing');
    expect(decision.reason).toContain('language 30');
    expect(decision.candidates.map((candidate) => candidate.agentId)).toEqual(['italian', 'english-only']);
  });

  it('spreads the load', () => {
    const decision = routeTicket(
      input({ agents: [agent('busy'), agent('free')], openTicketsByAgent: { busy: 4, free: 0 } }),
    );
    expect(decision.agentId).toBe('free');
  });

  it('gives a strongly negative post from an influencer to a highly rated agent', () => {
    const agents = [
      agent('fast-average', { rating: 3, averageFirstResponseMinutes: 5 }),
      agent('top-rated', { rating: 5, averageFirstResponseMinutes: 60 }),
    ];
    const load = { 'top-rated': 3, 'fast-average': 0 };
    const calm = routeTicket(input({ agents, openTicketsByAgent: load }));
    expect(calm.agentId).toBe('fast-average');
    const angryInfluencer = { ...input().ticket, sentiment: -0.9, customerFollowers: 250_000 };
    const sensitive = routeTicket(input({ agents, openTicketsByAgent: load, ticket: angryInfluencer }));
    expect(sensitive.agentId).toBe('top-rated');
  });

  it('skips agents who are away, full or outside their hours, and says why', () => {
    const closedNow: BusinessHours = {
      id: 'night',
      workspaceId: 'ws',
      name: 'Night shift',
      timeZone: 'Europe/Rome',
      intervals: [{ day: 2, startMinute: 20 * 60, endMinute: 23 * 60 }],
      holidays: [],
    };
    const decision = routeTicket(
      input({
        agents: [
          agent('away', { presence: 'away' }),
          agent('full', { capacity: 2 }),
          agent('night', { businessHoursId: 'night' }),
        ],
        openTicketsByAgent: { full: 2 },
        businessHours: [closedNow],
      }),
    );
    expect(decision.agentId).toBeNull();
    expect(decision.teamId).toBe('team-billing');
    expect(decision.reason).toContain('team Billing');
    expect(Object.fromEntries(decision.candidates.map((c) => [c.agentId, c.unavailableReason]))).toEqual({
      away: 'away',
      full: 'at capacity (2/2)',
      night: 'outside working hours',
    });
  });

  it('never gives a ticket to an agent without the skill', () => {
    const decision = routeTicket(input({ teams: [], agents: [agent('delivery-only', { skills: ['delivery'] })] }));
    expect(decision).toMatchObject({ agentId: null, teamId: null });
  });
});

const ticket = (id: string, overrides: Partial<Ticket> = {}): Ticket => ({
  id,
  workspaceId: 'ws',
  number: 1,
  customerId: 'c',
  channelId: 'ch',
  channelKind: 'x',
  threadExternalId: id,
  visibility: 'public',
  subject: id,
  status: 'open',
  priorityScore: 30,
  priorityBand: 'normal',
  priorityContributions: [],
  category: 'billing',
  language: 'it',
  assigneeId: null,
  teamId: null,
  incidentId: null,
  collectedFields: {},
  firstResponseDueAt: null,
  nextResponseDueAt: null,
  resolutionDueAt: null,
  firstResponseAt: null,
  waitingSince: now,
  resolvedAt: null,
  createdAt: now,
  updatedAt: now,
  ...overrides,
});

describe('routeTicket with a supervisor rule', () => {
  const retention: Team = { ...billingTeam, id: 'team-retention', name: 'Retention', categories: ['cancellation'] };
  const rule = 'rule "Churn threats"';

  it("gives the ticket to the rule's agent when available", () => {
    const decision = routeTicket(
      input({
        agents: [agent('italian'), agent('closer', { skills: [], teamIds: ['team-retention'] })],
        teams: [billingTeam, retention],
        ruleTarget: { teamId: null, agentId: 'closer', rule },
      }),
    );
    expect(decision).toMatchObject({ agentId: 'closer', teamId: 'team-retention', reason: `chosen by ${rule}` });
  });

  it("falls back to the rule's team when the rule's agent is busy, trusting the team for the skill", () => {
    const decision = routeTicket(
      input({
        agents: [
          agent('italian'),
          agent('closer', { skills: [], teamIds: ['team-retention'], presence: 'offline' }),
          agent('keeper', { skills: [], teamIds: ['team-retention'] }),
        ],
        teams: [billingTeam, retention],
        ruleTarget: { teamId: 'team-retention', agentId: 'closer', rule },
      }),
    );
    expect(decision.agentId).toBe('keeper');
    expect(decision.teamId).toBe('team-retention');
    expect(decision.reason).toContain(rule);
  });

  it("queues in the rule's team when none of its agents is free", () => {
    const decision = routeTicket(
      input({
        agents: [agent('italian')],
        teams: [billingTeam, retention],
        ruleTarget: { teamId: 'team-retention', agentId: null, rule },
      }),
    );
    expect(decision).toMatchObject({ agentId: null, teamId: 'team-retention' });
    expect(decision.reason).toBe(`no available agent for billing: waits in team Retention (${rule})`);
  });
});

describe('nextBestTicket', () => {
  it('takes the highest band first, then the score, then the earliest due time', () => {
    const tickets = [
      ticket('normal-high-score', { priorityScore: 39 }),
      ticket('urgent', { priorityBand: 'urgent', priorityScore: 61 }),
      ticket('urgent-due-sooner', { priorityBand: 'urgent', priorityScore: 61, firstResponseDueAt: now }),
    ];
    expect(nextBestTicket(agent('a'), tickets)?.id).toBe('urgent-due-sooner');
  });

  it('leaves out what the agent cannot or may not take', () => {
    const tickets = [
      ticket('taken', { assigneeId: 'someone-else', priorityBand: 'urgent' }),
      ticket('other-team', { teamId: 'team-delivery', priorityBand: 'urgent' }),
      ticket('english', { language: 'en', priorityBand: 'urgent' }),
      ticket('waiting-for-customer', { status: 'awaiting_customer', priorityBand: 'urgent' }),
      ticket('mine', { assigneeId: 'a', priorityBand: 'low' }),
    ];
    expect(nextBestTicket(agent('a'), tickets)?.id).toBe('mine');
    expect(nextBestTicket(agent('a'), tickets.slice(0, 4))).toBeNull();
  });
});
