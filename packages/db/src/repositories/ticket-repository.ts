import type { Ticket, TicketQuery, TicketRepository, TicketStatus } from '@ascolta/core';
import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { localizedText, priorityContributionsJson } from '../json/domain-json.ts';
import { ticketCounters, tickets } from '../schema/schema.ts';
import { decodeCursor, encodeCursor, pageSize } from './cursor.ts';
import type { Database } from './database.ts';
import { requireUpdated } from './unique-violation.ts';

/** Statuses where the ticket still needs work: listed by priority, and counted as an agent's load. */
const openStatuses: readonly TicketStatus[] = ['new', 'awaiting_customer', 'open', 'pending'];

type TicketRow = typeof tickets.$inferSelect;

const toTicket = (row: TicketRow): Ticket => ({
  ...row,
  priorityContributions: priorityContributionsJson.parse(row.priorityContributions),
  collectedFields: localizedText.parse(row.collectedFields),
});

const filtersOf = (query: TicketQuery): Array<SQL | undefined> => [
  eq(tickets.workspaceId, query.workspaceId),
  query.status === undefined ? undefined : inArray(tickets.status, [...query.status]),
  query.priorityBand === undefined ? undefined : inArray(tickets.priorityBand, [...query.priorityBand]),
  query.channelId === undefined ? undefined : eq(tickets.channelId, query.channelId),
  query.customerId === undefined ? undefined : eq(tickets.customerId, query.customerId),
  query.assigneeId === undefined
    ? undefined
    : query.assigneeId === null
      ? isNull(tickets.assigneeId)
      : eq(tickets.assigneeId, query.assigneeId),
  query.teamId === undefined ? undefined : eq(tickets.teamId, query.teamId),
  query.category === undefined ? undefined : eq(tickets.category, query.category),
  query.language === undefined ? undefined : eq(tickets.language, query.language),
  query.threadExternalId === undefined ? undefined : eq(tickets.threadExternalId, query.threadExternalId),
  query.createdAfter === undefined ? undefined : gte(tickets.createdAt, query.createdAfter),
];

/** Two keyset orders: the open-work queue (priority, then longest waiting) and newest first. */
const sorts = {
  priority: {
    orderBy: [desc(tickets.priorityScore), asc(tickets.createdAt), asc(tickets.id)],
    keyOf: (row: TicketRow) => [row.priorityScore, row.createdAt.toISOString(), row.id],
    after: ([score, createdAt, id]: ReadonlyArray<string | number>) =>
      sql`(${tickets.priorityScore} < ${score} OR (${tickets.priorityScore} = ${score} AND (${tickets.createdAt}, ${tickets.id}) > (${createdAt}::timestamptz, ${id})))`,
  },
  recent: {
    orderBy: [desc(tickets.createdAt), desc(tickets.id)],
    keyOf: (row: TicketRow) => [row.createdAt.toISOString(), row.id],
    after: ([createdAt, id]: ReadonlyArray<string | number>) =>
      sql`(${tickets.createdAt}, ${tickets.id}) < (${createdAt}::timestamptz, ${id})`,
  },
} as const;

const sortFor = (query: TicketQuery): keyof typeof sorts =>
  query.status !== undefined && query.status.length > 0 && query.status.every((s) => openStatuses.includes(s))
    ? 'priority'
    : 'recent';

const listTickets = async (db: Database, query: TicketQuery) => {
  const sortName = sortFor(query);
  const sort = sorts[sortName];
  const limit = pageSize(query.limit);
  const after = query.cursor ? sort.after(decodeCursor(query.cursor, sortName)) : undefined;
  const rows = await db
    .select()
    .from(tickets)
    .where(and(...filtersOf(query), after))
    .orderBy(...sort.orderBy)
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const hasMore = rows.length > limit && last !== undefined;
  return {
    items: items.map(toTicket),
    nextCursor: hasMore ? encodeCursor({ sort: sortName, after: sort.keyOf(last) }) : null,
  };
};

export const createTicketRepository = (db: Database): TicketRepository => ({
  async insert(ticket) {
    // The counter row's lock serialises concurrent inserts of one workspace until their transactions end.
    const [counter] = await db
      .insert(ticketCounters)
      .values({ workspaceId: ticket.workspaceId, lastNumber: 1 })
      .onConflictDoUpdate({
        target: ticketCounters.workspaceId,
        set: { lastNumber: sql`${ticketCounters.lastNumber} + 1` },
      })
      .returning({ number: ticketCounters.lastNumber });
    if (counter === undefined) throw new Error('the ticket counter returned no row');
    const [row] = await db
      .insert(tickets)
      .values({ ...ticket, number: counter.number })
      .returning();
    if (row === undefined) throw new Error('the ticket insert returned no row');
    return toTicket(row);
  },
  async get(workspaceId, id) {
    const [row] = await db
      .select()
      .from(tickets)
      .where(and(eq(tickets.workspaceId, workspaceId), eq(tickets.id, id)));
    return row === undefined ? null : toTicket(row);
  },
  async update({ id, workspaceId, number: _, createdAt: __, ...changes }) {
    const rows = await db
      .update(tickets)
      .set(changes)
      .where(and(eq(tickets.workspaceId, workspaceId), eq(tickets.id, id)))
      .returning({ id: tickets.id });
    requireUpdated(rows, `ticket ${id}`);
  },
  list: (query) => listTickets(db, query),
  async listIncidentReports({ workspaceId, category, createdAfter, limit }) {
    const rows = await db
      .select({
        ticketId: tickets.id,
        customerId: tickets.customerId,
        category: tickets.category,
        text: tickets.subject,
        reportedAt: tickets.createdAt,
        incidentId: tickets.incidentId,
      })
      .from(tickets)
      .where(
        and(eq(tickets.workspaceId, workspaceId), eq(tickets.category, category), gte(tickets.createdAt, createdAfter)),
      )
      .orderBy(desc(tickets.createdAt), desc(tickets.id))
      .limit(limit);
    return rows;
  },
  async countOpenByAssignee(workspaceId) {
    const rows = await db
      .select({ agentId: tickets.assigneeId, open: count() })
      .from(tickets)
      .where(
        and(
          eq(tickets.workspaceId, workspaceId),
          inArray(tickets.status, [...openStatuses]),
          isNotNull(tickets.assigneeId),
        ),
      )
      .groupBy(tickets.assigneeId);
    return Object.fromEntries(rows.flatMap((row) => (row.agentId === null ? [] : [[row.agentId, row.open]])));
  },
});
