import type { AgentRole, ChannelKind, IdentityKind, Presence, TouchpointKind, ValueTier } from '@ascolta/core';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { instant } from './column-types.ts';

export const agents = pgTable(
  'agents',
  {
    id: text().primaryKey(),
    workspaceId: text().notNull(),
    email: text().notNull(),
    name: text().notNull(),
    role: text().$type<AgentRole>().notNull(),
    skills: text().array().notNull(),
    languages: text().array().notNull(),
    teamIds: text().array().notNull(),
    capacity: integer().notNull(),
    presence: text().$type<Presence>().notNull(),
    businessHoursId: text(),
    rating: doublePrecision(),
    averageFirstResponseMinutes: doublePrecision(),
    passwordHash: text(),
    createdAt: instant().notNull(),
  },
  // Sign-in looks agents up by e-mail alone, so it is unique across workspaces.
  (table) => [uniqueIndex().on(table.email), index().on(table.workspaceId)],
);

export const teams = pgTable('teams', {
  id: text().primaryKey(),
  workspaceId: text().notNull(),
  name: text().notNull(),
  categories: text().array().notNull(),
  languages: text().array().notNull(),
  businessHoursId: text(),
});

export const businessHours = pgTable('business_hours', {
  id: text().primaryKey(),
  workspaceId: text().notNull(),
  name: text().notNull(),
  timeZone: text().notNull(),
  intervals: jsonb().notNull(),
  holidays: text().array().notNull(),
});

export const customers = pgTable('customers', {
  id: text().primaryKey(),
  workspaceId: text().notNull(),
  displayName: text().notNull(),
  language: text(),
  valueTier: text().$type<ValueTier>().notNull(),
  lifetimeValueCents: bigint({ mode: 'number' }).notNull(),
  purchasesCount: integer().notNull(),
  crmId: text(),
  followers: integer().notNull(),
  isVerified: boolean().notNull(),
  createdAt: instant().notNull(),
  updatedAt: instant().notNull(),
});

export const identities = pgTable(
  'identities',
  {
    id: text().primaryKey(),
    workspaceId: text().notNull(),
    customerId: text().notNull(),
    kind: text().$type<IdentityKind>().notNull(),
    channelKind: text().$type<ChannelKind>(),
    value: text().notNull(),
    displayHandle: text(),
    followers: integer().notNull(),
    isVerified: boolean().notNull(),
    confidence: doublePrecision().notNull(),
    createdAt: instant().notNull(),
  },
  (table) => [
    // NULLS NOT DISTINCT (PostgreSQL 15+): an e-mail identity has no channel kind and must still be unique.
    unique().on(table.workspaceId, table.kind, table.channelKind, table.value).nullsNotDistinct(),
    index().on(table.workspaceId, table.customerId),
  ],
);

export const touchpoints = pgTable(
  'touchpoints',
  {
    id: text().primaryKey(),
    workspaceId: text().notNull(),
    customerId: text().notNull(),
    kind: text().$type<TouchpointKind>().notNull(),
    source: text().notNull(),
    summary: text().notNull(),
    occurredAt: instant().notNull(),
    data: jsonb().notNull(),
  },
  (table) => [index().on(table.workspaceId, table.customerId, table.occurredAt)],
);
