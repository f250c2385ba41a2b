import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { instant } from './column-types.ts';

/** Where an outbound webhook goes, and which event types it wants. The secret signs every request. */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: text().primaryKey(),
    workspaceId: text().notNull(),
    url: text().notNull(),
    description: text().notNull(),
    eventTypes: text().array().notNull(),
    /** `whsec_<base64>`; kept readable because every delivery is signed with it. */
    secret: text().notNull(),
    isActive: boolean().notNull(),
    /** Events up to this sequence happened before the endpoint existed: they are not sent to it. */
    startSequence: bigint({ mode: 'number' }).notNull(),
    createdAt: instant().notNull(),
    updatedAt: instant().notNull(),
  },
  (table) => [index().on(table.workspaceId)],
);

/** One row per endpoint and event (unique): the delivery log and the retry state. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: text().primaryKey(),
    workspaceId: text().notNull(),
    endpointId: text()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventId: text().notNull(),
    eventSequence: bigint({ mode: 'number' }).notNull(),
    eventType: text().notNull(),
    status: text().notNull(),
    /** HTTP attempts ever made, manual redeliveries included. */
    attemptCount: integer().notNull(),
    /** Attempts since the delivery was (re)queued: it gives up when this reaches the limit. */
    roundAttempts: integer().notNull(),
    lastStatusCode: integer(),
    lastError: text(),
    lastAttemptAt: instant(),
    nextAttemptAt: instant(),
    succeededAt: instant(),
    createdAt: instant().notNull(),
    updatedAt: instant().notNull(),
  },
  (table) => [
    uniqueIndex().on(table.endpointId, table.eventId),
    index().on(table.endpointId, table.eventSequence),
    // The retention sweep reads the oldest settled deliveries of a workspace.
    index('webhook_deliveries_settled_index')
      .on(table.workspaceId, table.updatedAt)
      .where(sql`${table.status} <> 'pending'`),
  ],
);

/** How far an incremental reader of the event log has got, per workspace. */
export const eventCursors = pgTable(
  'event_cursors',
  {
    consumer: text().notNull(),
    workspaceId: text().notNull(),
    lastSequence: bigint({ mode: 'number' }).notNull(),
    /** When the reader first met a hole right after `lastSequence` (a transaction still committing); else null. */
    gapSeenAt: instant(),
    updatedAt: instant().notNull(),
  },
  (table) => [primaryKey({ columns: [table.consumer, table.workspaceId] })],
);

/** The company's CRM endpoints: enrichment look-ups and "create in CRM". */
export const crmConnections = pgTable('crm_connections', {
  workspaceId: text().primaryKey(),
  lookupUrl: text(),
  createUrl: text(),
  /** Sent as `Authorization: Bearer …` when set. */
  authToken: text(),
  timeoutMs: integer().notNull(),
  cacheTtlSeconds: integer().notNull(),
  isEnabled: boolean().notNull(),
  /** Customers created or linked up to this event sequence are not looked up automatically. */
  startSequence: bigint({ mode: 'number' }).notNull(),
  updatedAt: instant().notNull(),
});

/** The CRM's last answer per set of identities (cache), and the last error. */
export const crmLookups = pgTable(
  'crm_lookups',
  {
    workspaceId: text().notNull(),
    lookupKey: text().notNull(),
    customerId: text().notNull(),
    /** `found` | `not-found`; null until a look-up succeeded. */
    outcome: text(),
    result: jsonb(),
    fetchedAt: instant(),
    lastError: text(),
    lastErrorAt: instant(),
    updatedAt: instant().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.lookupKey] }),
    index().on(table.workspaceId, table.customerId),
  ],
);

/** A ticket created in the company's CRM: the reference it answered with. */
export const crmTicketLinks = pgTable('crm_ticket_links', {
  ticketId: text().primaryKey(),
  workspaceId: text().notNull(),
  crmReference: text().notNull(),
  crmUrl: text(),
  createdAt: instant().notNull(),
  updatedAt: instant().notNull(),
});
