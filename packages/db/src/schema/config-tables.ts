import type { RuleKind, TemplateKind } from '@ascolta/core';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';

export const slaPolicies = pgTable('sla_policies', {
  id: text().primaryKey(),
  workspaceId: text().notNull(),
  name: text().notNull(),
  businessHoursId: text(),
  targets: jsonb().notNull(),
  breachRiskRatio: doublePrecision().notNull(),
});

export const infoRequests = pgTable('info_requests', {
  id: text().primaryKey(),
  workspaceId: text().notNull(),
  category: text().notNull(),
  fields: jsonb().notNull(),
  prompt: jsonb().notNull(),
  publicAcknowledgement: jsonb().notNull(),
  reminderAfterMinutes: integer().notNull(),
});

export const templates = pgTable(
  'templates',
  {
    id: text().primaryKey(),
    workspaceId: text().notNull(),
    kind: text().$type<TemplateKind>().notNull(),
    name: text().notNull(),
    category: text(),
    language: text().notNull(),
    body: text().notNull(),
    autoAnswerThreshold: doublePrecision(),
  },
  (table) => [index().on(table.workspaceId, table.kind)],
);

export const rules = pgTable(
  'rules',
  {
    id: text().primaryKey(),
    workspaceId: text().notNull(),
    kind: text().$type<RuleKind>().notNull(),
    name: text().notNull(),
    when: text().notNull(),
    conditions: jsonb().notNull(),
    actions: jsonb().notNull(),
    position: integer().notNull(),
    isActive: boolean().notNull(),
  },
  (table) => [index().on(table.workspaceId, table.kind, table.position)],
);
