import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
} from 'drizzle-orm/pg-core';
import { instant } from './column-types.ts';

/**
 * The report projection (ADR 0008): one row per ticket, folded from the ticket's events by
 * `ticketFactsFromEvents` in core. Rebuilt from the event log at any time; never edited by hand.
 */
export const reportTicketFacts = pgTable(
  'report_ticket_facts',
  {
    workspaceId: text().notNull(),
    ticketId: text().notNull(),
    channelId: text().notNull(),
    channelKind: text(),
    category: text().notNull(),
    kind: text(),
    language: text(),
    priorityBand: text().notNull(),
    sentiment: real(),
    keywords: text().array().notNull().default([]),
    teamId: text(),
    agentId: text(),
    incidentId: text(),
    openedAt: instant().notNull(),
    firstResponseAt: instant(),
    firstResponseMinutes: doublePrecision(),
    firstResponseBusinessMinutes: doublePrecision(),
    isFirstResponseAutomated: boolean().notNull().default(false),
    /** Resolved (or closed) now; `resolvedAt` is the latest resolution. */
    isResolved: boolean().notNull().default(false),
    resolvedAt: instant(),
    resolutionMinutes: doublePrecision(),
    resolutionBusinessMinutes: doublePrecision(),
    isAutoResolved: boolean().notNull().default(false),
    isAutoAnswered: boolean().notNull().default(false),
    slaPolicyId: text(),
    firstResponseDueAt: instant(),
    resolutionDueAt: instant(),
    /** Null while undecided (no target, or not answered and not yet due). */
    firstResponseSlaMet: boolean(),
    resolutionSlaMet: boolean(),
    slaBreaches: integer().notNull().default(0),
    isInfoRequested: boolean().notNull().default(false),
    isInfoCollectedInOneInteraction: boolean().notNull().default(false),
    automatedMessages: integer().notNull().default(0),
    humanInteractions: integer().notNull().default(0),
    csatScore: real(),
    npsScore: real(),
    surveyComment: text(),
    surveyKind: text(),
    surveyAnsweredAt: instant(),
    lastSequence: bigint({ mode: 'number' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.ticketId] }),
    index().on(table.workspaceId, table.openedAt),
    index().on(table.workspaceId, table.resolvedAt),
    index().on(table.workspaceId, table.firstResponseAt),
    index().on(table.workspaceId, table.surveyAnsweredAt),
    // The open tickets (backlog, the live "today" figures) without scanning the resolved ones.
    index('report_ticket_facts_open_index').on(table.workspaceId, table.openedAt).where(sql`NOT ${table.isResolved}`),
  ],
);

/** One row per inbound message: volume and actionable-vs-ignored without touching the mutable messages. */
export const reportMessageFacts = pgTable(
  'report_message_facts',
  {
    workspaceId: text().notNull(),
    messageId: text().notNull(),
    channelId: text().notNull(),
    receivedAt: instant().notNull(),
    /** `received` until the pipeline decides; then `ignored` or `failed` (anything else counts as actionable). */
    outcome: text().notNull(),
    ignoredReason: text(),
    kind: text(),
    category: text(),
    language: text(),
    lastSequence: bigint({ mode: 'number' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.messageId] }),
    index().on(table.workspaceId, table.receivedAt),
  ],
);

/** Per workspace: the business-case baseline of the reports (absent: the documented defaults). */
export const reportSettings = pgTable('report_settings', {
  workspaceId: text().primaryKey(),
  baseline: jsonb().notNull(),
  updatedAt: instant().notNull(),
});
