import { type WebhookEndpoint, type WebhookEndpointRepository, webhookEventTypes } from '@ascolta/core';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { webhookEndpoints } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict, requireUpdated } from './unique-violation.ts';

const eventTypesColumn = z.array(z.enum(webhookEventTypes));

const toEndpoint = (row: typeof webhookEndpoints.$inferSelect): WebhookEndpoint => ({
  ...row,
  eventTypes: eventTypesColumn.parse(row.eventTypes),
});

export const createWebhookEndpointRepository = (db: Database): WebhookEndpointRepository => {
  const whereEndpoint = (workspaceId: string, id: string) =>
    and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.id, id));
  return {
    insert: (endpoint) =>
      insertOrConflict(
        db.insert(webhookEndpoints).values({ ...endpoint, eventTypes: [...endpoint.eventTypes] }),
        `webhook endpoint ${endpoint.id}`,
      ),
    async get(workspaceId, id) {
      const [row] = await db.select().from(webhookEndpoints).where(whereEndpoint(workspaceId, id));
      return row === undefined ? null : toEndpoint(row);
    },
    async list(workspaceId) {
      const rows = await db
        .select()
        .from(webhookEndpoints)
        .where(eq(webhookEndpoints.workspaceId, workspaceId))
        .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
      return rows.map(toEndpoint);
    },
    async update({ id, workspaceId, createdAt: _, ...changes }) {
      const rows = await db
        .update(webhookEndpoints)
        .set({ ...changes, eventTypes: [...changes.eventTypes] })
        .where(whereEndpoint(workspaceId, id))
        .returning({ id: webhookEndpoints.id });
      requireUpdated(rows, `webhook endpoint ${id}`);
    },
    async delete(workspaceId, id) {
      // The deliveries go with it (foreign key ON DELETE CASCADE).
      const rows = await db
        .delete(webhookEndpoints)
        .where(whereEndpoint(workspaceId, id))
        .returning({ id: webhookEndpoints.id });
      requireUpdated(rows, `webhook endpoint ${id}`);
    },
  };
};
