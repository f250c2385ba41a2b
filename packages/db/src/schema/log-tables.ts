import { bigserial, index, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { instant } from './column-types.ts';

/** Append-only: reports, audit and outbound webhooks read it in `sequence` order. */
export const events = pgTable(
  'events',
  {
    sequence: bigserial({ mode: 'number' }).primaryKey(),
    id: text().notNull(),
    workspaceId: text().notNull(),
    type: text().notNull(),
    ticketId: text(),
    customerId: text(),
    actor: jsonb().notNull(),
    data: jsonb().notNull(),
    occurredAt: instant().notNull(),
  },
  (table) => [
    uniqueIndex().on(table.id),
    index().on(table.workspaceId, table.type, table.occurredAt),
    index().on(table.workspaceId, table.sequence),
    index().on(table.workspaceId, table.ticketId, table.sequence),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    sequence: bigserial({ mode: 'number' }).primaryKey(),
    workspaceId: text().notNull(),
    actor: text().notNull(),
    action: text().notNull(),
    subject: text().notNull(),
    data: jsonb().notNull(),
    occurredAt: instant().notNull(),
  },
  (table) => [index().on(table.workspaceId, table.occurredAt)],
);
