import type { DomainEvent, EventRepository } from '@ascolta/core';
import { and, asc, eq, gt, inArray, max, or, sql } from 'drizzle-orm';
import { actorJson, parseEventBody } from '../json/event-json.ts';
import { events } from '../schema/schema.ts';
import type { Database } from './database.ts';

// Incremental readers page through by `afterSequence`; one call returns at most this many.
const defaultEventLimit = 1000;
const maxEventLimit = 10_000;

type EventRow = typeof events.$inferSelect;

const toEvent = (row: EventRow): DomainEvent & { sequence: number } =>
  // parseEventBody checked that type and data belong together; the spread cannot show it to TypeScript.
  ({
    id: row.id,
    workspaceId: row.workspaceId,
    occurredAt: row.occurredAt,
    actor: actorJson.parse(row.actor),
    ticketId: row.ticketId,
    customerId: row.customerId,
    sequence: row.sequence,
    ...parseEventBody(row.type, row.data),
  }) as DomainEvent & { sequence: number };

export const createEventRepository = (db: Database): EventRepository => ({
  async append(batch) {
    if (batch.length === 0) return;
    // One multi-row insert: the sequence follows the order of `batch`.
    await db.insert(events).values(batch.map((event) => ({ ...event, data: event.data })));
  },
  async list({ workspaceId, ticketId, afterSequence, limit }) {
    const rows = await db
      .select()
      .from(events)
      .where(
        and(
          eq(events.workspaceId, workspaceId),
          ticketId === undefined ? undefined : eq(events.ticketId, ticketId),
          afterSequence === undefined ? undefined : gt(events.sequence, afterSequence),
        ),
      )
      .orderBy(asc(events.sequence))
      .limit(Math.min(Math.max(1, limit ?? defaultEventLimit), maxEventLimit));
    return rows.map(toEvent);
  },
  async listCustomerLinks(workspaceId, customerId) {
    // The (workspace, type, occurred_at) index narrows to the workspace's few link events; the data test is cheap.
    const rows = await db
      .select()
      .from(events)
      .where(
        and(
          eq(events.workspaceId, workspaceId),
          inArray(events.type, ['customer.link-suggested', 'customer.link-dismissed', 'customer.merged']),
          or(
            eq(events.customerId, customerId),
            sql`${events.data} -> 'candidateCustomerIds' @> jsonb_build_array(${customerId}::text)`,
            sql`${events.data} ->> 'otherCustomerId' = ${customerId}`,
            sql`${events.data} ->> 'fromCustomerId' = ${customerId}`,
          ),
        ),
      )
      .orderBy(asc(events.sequence))
      .limit(maxEventLimit);
    return rows.map(toEvent);
  },
  async latestSequence(workspaceId) {
    const [row] = await db
      .select({ latest: max(events.sequence) })
      .from(events)
      .where(eq(events.workspaceId, workspaceId));
    return row?.latest ?? 0;
  },
});
