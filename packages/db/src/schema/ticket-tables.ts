import type {
  ChannelKind,
  DeliveryState,
  MessageDirection,
  MessageType,
  PriorityBand,
  SurveyKind,
  SurveyStatus,
  TicketStatus,
  TriageFeedback,
  Visibility,
} from '@ascolta/core';
import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { instant, tsvector } from './column-types.ts';

export const tickets = pgTable(
  'tickets',
  {
    id: text().primaryKey(),
    workspaceId: text().notNull(),
    number: integer().notNull(),
    customerId: text().notNull(),
    channelId: text().notNull(),
    channelKind: text().$type<ChannelKind>().notNull(),
    threadExternalId: text().notNull(),
    visibility: text().$type<Visibility>().notNull(),
    subject: text().notNull(),
    status: text().$type<TicketStatus>().notNull(),
    priorityScore: doublePrecision().notNull(),
    priorityBand: text().$type<PriorityBand>().notNull(),
    priorityContributions: jsonb().notNull(),
    category: text().notNull(),
    language: text().notNull(),
    assigneeId: text(),
    teamId: text(),
    incidentId: text(),
    collectedFields: jsonb().notNull(),
    firstResponseDueAt: instant(),
    nextResponseDueAt: instant(),
    resolutionDueAt: instant(),
    firstResponseAt: instant(),
    waitingSince: instant(),
    resolvedAt: instant(),
    createdAt: instant().notNull(),
    updatedAt: instant().notNull(),
  },
  (table) => [
    uniqueIndex().on(table.workspaceId, table.number),
    // The agents' queue: open work, highest priority first, then the longest waiting. Partial, so a page
    // of the queue is read in index order whatever subset of the open statuses is asked for.
    index('tickets_open_queue_index')
      .on(table.workspaceId, table.priorityScore.desc(), table.createdAt, table.id)
      .where(sql`${table.status} in ('new', 'awaiting_customer', 'open', 'pending')`),
    index().on(table.workspaceId, table.status),
    index().on(table.workspaceId, table.createdAt.desc(), table.id.desc()),
    index().on(table.workspaceId, table.customerId),
    index().on(table.workspaceId, table.assigneeId),
    index().on(table.channelId, table.threadExternalId),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: text().primaryKey(),
    workspaceId: text().notNull(),
    channelId: text().notNull(),
    channelKind: text().$type<ChannelKind>().notNull(),
    direction: text().$type<MessageDirection>().notNull(),
    type: text().$type<MessageType>().notNull(),
    visibility: text().$type<Visibility>().notNull(),
    externalId: text().notNull(),
    threadExternalId: text().notNull(),
    inReplyToExternalId: text(),
    customerId: text(),
    ticketId: text(),
    authorAgentId: text(),
    authorHandle: text().notNull(),
    authorExternalId: text(),
    authorName: text(),
    authorFollowers: integer(),
    authorIsVerified: boolean(),
    text: text().notNull(),
    language: text(),
    subject: text(),
    attachments: jsonb().notNull(),
    metadata: jsonb().notNull(),
    triage: jsonb(),
    ignoredReason: text(),
    deliveryState: text().$type<DeliveryState>().notNull(),
    deliveryError: text(),
    receivedAt: instant().notNull(),
    createdAt: instant().notNull(),
    // Both stemmers, so `arrivato` finds "non è arrivato" and `deliveries` finds "delivery".
    search: tsvector()
      .notNull()
      .generatedAlwaysAs(
        sql`to_tsvector('italian'::regconfig, coalesce(subject, '') || ' ' || text) || to_tsvector('english'::regconfig, coalesce(subject, '') || ' ' || text)`,
      ),
  },
  (table) => [
    // The idempotency key of every webhook and poll.
    uniqueIndex().on(table.channelId, table.externalId),
    index().using('gin', table.search),
    index().on(table.workspaceId, table.receivedAt.desc(), table.id.desc()),
    index().on(table.workspaceId, table.ticketId),
    index().on(table.workspaceId, table.customerId),
  ],
);

export const incidents = pgTable(
  'incidents',
  {
    id: text().primaryKey(),
    workspaceId: text().notNull(),
    title: text().notNull(),
    category: text().notNull(),
    status: text().$type<'open' | 'resolved'>().notNull(),
    solution: jsonb().notNull(),
    openedAt: instant().notNull(),
    resolvedAt: instant(),
  },
  (table) => [index().on(table.workspaceId, table.status)],
);

export const triageFeedback = pgTable(
  'triage_feedback',
  {
    id: text().primaryKey(),
    workspaceId: text().notNull(),
    messageId: text(),
    text: text().notNull(),
    field: text().$type<TriageFeedback['field']>().notNull(),
    label: text().notNull(),
    agentId: text(),
    createdAt: instant().notNull(),
  },
  (table) => [index().on(table.workspaceId, table.createdAt)],
);

export const surveys = pgTable(
  'surveys',
  {
    id: text().primaryKey(),
    workspaceId: text().notNull(),
    ticketId: text().notNull(),
    customerId: text().notNull(),
    kind: text().$type<SurveyKind>().notNull(),
    status: text().$type<SurveyStatus>().notNull(),
    score: smallint(),
    comment: text(),
    sentAt: instant().notNull(),
    answeredAt: instant(),
    /** Where the question went: an answer from the customer on this channel is read as the survey's. */
    channelId: text(),
    threadExternalId: text(),
    language: text(),
    /** The queued question; its platform id tells a reply to it. */
    questionMessageId: text(),
    /** When the one clarifying question went out after an unreadable answer. */
    reaskedAt: instant(),
    /** After this the link stops working and messages are no longer read as answers. */
    expiresAt: instant(),
  },
  // One survey per ticket: two survey jobs of one ticket cannot both send.
  (table) => [
    uniqueIndex().on(table.workspaceId, table.ticketId),
    index('surveys_workspace_id_customer_id_sent_at_index').on(table.workspaceId, table.customerId, table.sentAt),
  ],
);
