import { bigint, integer, pgTable } from 'drizzle-orm/pg-core';

/**
 * One row (id 1): a counter the database raises when a transaction that changed the workspace configuration
 * the pipeline reads (settings, channels, agents, teams, business hours, SLA policies, info requests, rules,
 * templates) commits. Deferred triggers in migrations 0008 and 0009 keep it; workers cache that configuration per
 * version and read only this row per message. Migration 0008 also adds the partial index
 * `messages_unprocessed_by_author` (inbound messages not yet processed, per author) for per-author ordering.
 */
export const configVersions = pgTable('config_versions', {
  id: integer().primaryKey(),
  version: bigint({ mode: 'number' }).notNull().default(0),
});
