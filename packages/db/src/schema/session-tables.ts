import type { UiLanguage } from '@ascolta/core';
import { bigserial, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { instant } from './column-types.ts';

export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    workspaceId: text().notNull(),
    agentId: text().notNull(),
    tokenHash: text().notNull(),
    createdAt: instant().notNull(),
    expiresAt: instant().notNull(),
    lastSeenAt: instant().notNull(),
  },
  (table) => [uniqueIndex().on(table.tokenHash), index().on(table.agentId)],
);

export const signInFailures = pgTable(
  'sign_in_failures',
  {
    sequence: bigserial({ mode: 'number' }).primaryKey(),
    email: text().notNull(),
    occurredAt: instant().notNull(),
  },
  (table) => [index().on(table.email, table.occurredAt)],
);

export const agentPreferences = pgTable('agent_preferences', {
  agentId: text().primaryKey(),
  workspaceId: text().notNull(),
  uiLanguage: text().$type<UiLanguage>().notNull(),
});
