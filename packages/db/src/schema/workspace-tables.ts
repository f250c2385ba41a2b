import type { ChannelHealthState, ChannelKind } from '@ascolta/core';
import { boolean, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { instant } from './column-types.ts';

export const workspaces = pgTable('workspaces', {
  id: text().primaryKey(),
  name: text().notNull(),
  timeZone: text().notNull(),
  languages: text().array().notNull(),
  createdAt: instant().notNull(),
});

/** One document per workspace; validated with zod when read back. */
export const workspaceSettings = pgTable('workspace_settings', {
  workspaceId: text().primaryKey(),
  document: jsonb().notNull(),
  updatedAt: instant().notNull().defaultNow(),
});

export const apiKeys = pgTable(
  'api_keys',
  {
    id: text().primaryKey(),
    workspaceId: text().notNull(),
    name: text().notNull(),
    secretHash: text().notNull(),
    scopes: text().array().notNull(),
    createdAt: instant().notNull(),
    revokedAt: instant(),
    lastUsedAt: instant(),
  },
  (table) => [uniqueIndex().on(table.secretHash)],
);

export const channels = pgTable(
  'channels',
  {
    id: text().primaryKey(),
    workspaceId: text().notNull(),
    kind: text().$type<ChannelKind>().notNull(),
    name: text().notNull(),
    externalAccountId: text().notNull(),
    handle: text(),
    settings: jsonb().notNull(),
    healthState: text().$type<ChannelHealthState>().notNull(),
    healthLastError: text(),
    healthLastErrorAt: instant(),
    healthRetryAfter: instant(),
    isActive: boolean().notNull(),
    createdAt: instant().notNull(),
  },
  (table) => [uniqueIndex().on(table.kind, table.externalAccountId)],
);

/** The per-workspace ticket number sequence; its row lock serialises concurrent ticket inserts. */
export const ticketCounters = pgTable('ticket_counters', {
  workspaceId: text().primaryKey(),
  lastNumber: integer().notNull(),
});
