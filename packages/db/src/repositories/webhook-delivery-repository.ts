import {
  type WebhookDelivery,
  type WebhookDeliveryRepository,
  webhookDeliveryStatuses,
  webhookEventTypes,
} from '@ascolta/core';
import { and, asc, desc, eq, inArray, lt, ne } from 'drizzle-orm';
import { z } from 'zod';
import { webhookDeliveries } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { requireUpdated } from './unique-violation.ts';

const defaultLimit = 50;
const maxLimit = 500;

const statusColumn = z.enum(webhookDeliveryStatuses);
const eventTypeColumn = z.enum(webhookEventTypes);

const toDelivery = (row: typeof webhookDeliveries.$inferSelect): WebhookDelivery => ({
  ...row,
  status: statusColumn.parse(row.status),
  eventType: eventTypeColumn.parse(row.eventType),
});

export const createWebhookDeliveryRepository = (db: Database): WebhookDeliveryRepository => ({
  async insertIfAbsent(deliveries) {
    if (deliveries.length === 0) return [];
    // Unique on (endpoint, event): a second dispatcher, or a replayed batch, inserts nothing.
    const rows = await db
      .insert(webhookDeliveries)
      .values([...deliveries])
      .onConflictDoNothing({ target: [webhookDeliveries.endpointId, webhookDeliveries.eventId] })
      .returning({ id: webhookDeliveries.id });
    return rows.map((row) => row.id);
  },
  async get(workspaceId, id) {
    const [row] = await db
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.workspaceId, workspaceId), eq(webhookDeliveries.id, id)));
    return row === undefined ? null : toDelivery(row);
  },
  async findByEvent(endpointId, eventId) {
    const [row] = await db
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.eventId, eventId)));
    return row === undefined ? null : toDelivery(row);
  },
  async pruneSettled(workspaceId, settledBefore, limit) {
    const oldest = db
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.workspaceId, workspaceId),
          ne(webhookDeliveries.status, 'pending'),
          lt(webhookDeliveries.updatedAt, settledBefore),
        ),
      )
      .orderBy(asc(webhookDeliveries.updatedAt))
      .limit(limit);
    const rows = await db
      .delete(webhookDeliveries)
      .where(inArray(webhookDeliveries.id, oldest))
      .returning({ id: webhookDeliveries.id });
    return rows.length;
  },
  async update({ id, workspaceId, createdAt: _, ...changes }) {
    const rows = await db
      .update(webhookDeliveries)
      .set(changes)
      .where(and(eq(webhookDeliveries.workspaceId, workspaceId), eq(webhookDeliveries.id, id)))
      .returning({ id: webhookDeliveries.id });
    requireUpdated(rows, `webhook delivery ${id}`);
  },
  async list({ workspaceId, endpointId, status, beforeSequence, limit }) {
    const rows = await db
      .select()
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.workspaceId, workspaceId),
          eq(webhookDeliveries.endpointId, endpointId),
          status === undefined ? undefined : eq(webhookDeliveries.status, status),
          beforeSequence === undefined ? undefined : lt(webhookDeliveries.eventSequence, beforeSequence),
        ),
      )
      .orderBy(desc(webhookDeliveries.eventSequence))
      .limit(Math.min(Math.max(1, limit ?? defaultLimit), maxLimit));
    return rows.map(toDelivery);
  },
});
