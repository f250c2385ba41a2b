import { DomainError, type Repositories, type TicketStatus } from '@ascolta/core';

/** Tickets still being worked on: a deleted team would strand them in a queue nobody sees. */
const openStatuses: readonly TicketStatus[] = ['new', 'awaiting_customer', 'open', 'pending'];
const shownNames = 5;
/** Open tickets counted exactly up to this many; beyond, "more than". */
const countedTickets = 100;

const countOf = (count: number, one: string, many: string, isAtLeast: boolean) =>
  `${isAtLeast ? 'more than ' : ''}${count} ${count === 1 && !isAtLeast ? one : many}`;

/** "2 agents (Anna, Marco)": what uses a record, named so the supervisor knows where to look. */
const namedUse = (names: readonly string[], one: string, many: string, isAtLeast = false): string[] => {
  if (names.length === 0) return [];
  const shown = names.slice(0, shownNames).join(', ');
  const more = names.length > shownNames || isAtLeast ? ', …' : '';
  return [`${countOf(names.length, one, many, isAtLeast)} (${shown}${more})`];
};

/** Refuses a delete, naming every use, rather than leaving records that point at nothing. */
export const refuseWhileUsed = (subject: string, uses: readonly string[]): void => {
  if (uses.length === 0) return;
  throw new DomainError('conflict', `${subject} is still used by ${uses.join('; ')}: change or remove them first.`, {
    usedBy: uses,
  });
};

/** The team's members, the rules that assign to it, and the open tickets waiting in its queue. */
export const teamUses = async (repos: Repositories, workspaceId: string, teamId: string): Promise<string[]> => {
  const [agents, rules, openTickets] = await Promise.all([
    repos.agents.list(workspaceId),
    repos.rules.list(workspaceId),
    repos.tickets.list({ workspaceId, teamId, status: openStatuses, limit: countedTickets }),
  ]);
  const members = agents.filter((agent) => agent.teamIds.includes(teamId)).map((agent) => agent.name);
  const routingRules = rules
    .filter((rule) => rule.actions.some((action) => action.type === 'assign-team' && action.teamId === teamId))
    .map((rule) => rule.name);
  const tickets = openTickets.items.map((ticket) => `#${ticket.number}`);
  return [
    ...namedUse(members, 'agent', 'agents'),
    ...namedUse(routingRules, 'rule', 'rules'),
    ...namedUse(tickets, 'open ticket', 'open tickets', openTickets.nextCursor !== null),
  ];
};

/** The SLA policies, teams and agents that count time or staffing by the calendar. */
export const businessHoursUses = async (
  repos: Repositories,
  workspaceId: string,
  hoursId: string,
): Promise<string[]> => {
  const [policies, teams, agents] = await Promise.all([
    repos.slaPolicies.list(workspaceId),
    repos.teams.list(workspaceId),
    repos.agents.list(workspaceId),
  ]);
  const namesUsing = (records: readonly { name: string; businessHoursId: string | null }[]) =>
    records.filter((record) => record.businessHoursId === hoursId).map((record) => record.name);
  return [
    ...namedUse(namesUsing(policies), 'SLA policy', 'SLA policies'),
    ...namedUse(namesUsing(teams), 'team', 'teams'),
    ...namedUse(namesUsing(agents), 'agent', 'agents'),
  ];
};

/** A team or SLA policy naming a calendar of another workspace (or none) would silently count wall-clock time. */
export const requireBusinessHours = async (
  repos: Repositories,
  workspaceId: string,
  hoursId: string | null,
): Promise<void> => {
  if (hoursId === null) return;
  const calendars = await repos.businessHours.list(workspaceId);
  if (!calendars.some((calendar) => calendar.id === hoursId)) {
    throw new DomainError('invalid-input', `body.businessHoursId: no business-hours calendar ${hoursId} here.`);
  }
};
