import type { TicketDto } from '@ascolta/contracts';

export const savedViews = ['all', 'mine', 'unassigned', 'atRisk'] as const;
export type SavedView = (typeof savedViews)[number];

export interface TicketFilters {
  view: SavedView;
  statuses: readonly TicketDto['status'][];
  channelKinds: readonly TicketDto['channelKind'][];
  bands: readonly TicketDto['priorityBand'][];
  category: string | null;
  language: string | null;
  teamId: string | null;
  assigneeId: string | null;
}

export const emptyFilters: TicketFilters = {
  view: 'all',
  statuses: [],
  channelKinds: [],
  bands: [],
  category: null,
  language: null,
  teamId: null,
  assigneeId: null,
};

/** A ticket is at risk when its next SLA deadline is less than this far away, or already past. */
export const atRiskWithinMs = 60 * 60_000;

/** The deadline that matters now: first response until answered, then the next response, then resolution. */
export const nextDueAt = (ticket: TicketDto): string | null =>
  ticket.firstResponseAt === null
    ? (ticket.firstResponseDueAt ?? ticket.resolutionDueAt)
    : (ticket.nextResponseDueAt ?? ticket.resolutionDueAt);

const isClosed = (ticket: TicketDto) => ticket.status === 'resolved' || ticket.status === 'closed';

export const isAtRisk = (ticket: TicketDto, nowMs: number): boolean => {
  const due = nextDueAt(ticket);
  return !isClosed(ticket) && due !== null && Date.parse(due) - nowMs < atRiskWithinMs;
};

const matchesView = (ticket: TicketDto, view: SavedView, agentId: string, nowMs: number): boolean => {
  switch (view) {
    case 'all':
      return true;
    case 'mine':
      return ticket.assigneeId === agentId;
    case 'unassigned':
      return ticket.assigneeId === null;
    case 'atRisk':
      return isAtRisk(ticket, nowMs);
  }
};

const within = <T>(values: readonly T[], value: T) => values.length === 0 || values.includes(value);
const equalOrAny = (wanted: string | null, value: string | null) => wanted === null || wanted === value;

/** Priority first (the company's own scale), then the nearest SLA deadline, then the oldest. */
export const compareTickets = (a: TicketDto, b: TicketDto): number => {
  if (a.priorityScore !== b.priorityScore) return b.priorityScore - a.priorityScore;
  const dueA = nextDueAt(a);
  const dueB = nextDueAt(b);
  if (dueA !== dueB) {
    if (dueA === null) return 1;
    if (dueB === null) return -1;
    return Date.parse(dueA) - Date.parse(dueB);
  }
  return Date.parse(a.createdAt) - Date.parse(b.createdAt);
};

export const filterTickets = (
  tickets: readonly TicketDto[],
  filters: TicketFilters,
  agentId: string,
  nowMs: number,
): TicketDto[] =>
  tickets
    .filter(
      (ticket) =>
        matchesView(ticket, filters.view, agentId, nowMs) &&
        within(filters.statuses, ticket.status) &&
        within(filters.channelKinds, ticket.channelKind) &&
        within(filters.bands, ticket.priorityBand) &&
        equalOrAny(filters.category, ticket.category) &&
        equalOrAny(filters.language, ticket.language) &&
        equalOrAny(filters.teamId, ticket.teamId) &&
        equalOrAny(filters.assigneeId, ticket.assigneeId),
    )
    .sort(compareTickets);

/** Distinct values of one field, sorted, for a filter's options. */
export const distinctValues = (tickets: readonly TicketDto[], pick: (ticket: TicketDto) => string | null): string[] =>
  [...new Set(tickets.map(pick).filter((value): value is string => value !== null && value !== ''))].sort();

export const countActiveFilters = (filters: TicketFilters): number =>
  [filters.statuses.length > 0, filters.channelKinds.length > 0, filters.bands.length > 0]
    .concat([filters.category, filters.language, filters.teamId, filters.assigneeId].map((value) => value !== null))
    .filter(Boolean).length;
