import type { Channel, ChannelRepository } from '@ascolta/core';
import { and, asc, eq } from 'drizzle-orm';
import { jsonObject } from '../json/domain-json.ts';
import { channels } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict, requireUpdated } from './unique-violation.ts';

type ChannelRow = typeof channels.$inferSelect;

const toChannel = (row: ChannelRow): Channel => ({
  id: row.id,
  workspaceId: row.workspaceId,
  kind: row.kind,
  name: row.name,
  externalAccountId: row.externalAccountId,
  handle: row.handle,
  settings: jsonObject.parse(row.settings),
  health: {
    state: row.healthState,
    lastError: row.healthLastError,
    lastErrorAt: row.healthLastErrorAt,
    retryAfter: row.healthRetryAfter,
  },
  isActive: row.isActive,
  createdAt: row.createdAt,
});

const healthColumns = (health: Channel['health']) => ({
  healthState: health.state,
  healthLastError: health.lastError,
  healthLastErrorAt: health.lastErrorAt,
  healthRetryAfter: health.retryAfter,
});

export const createChannelRepository = (db: Database): ChannelRepository => ({
  insert: ({ health, ...channel }) =>
    insertOrConflict(db.insert(channels).values({ ...channel, ...healthColumns(health) }), 'channel'),
  async get(workspaceId, id) {
    const [row] = await db
      .select()
      .from(channels)
      .where(and(eq(channels.workspaceId, workspaceId), eq(channels.id, id)));
    return row === undefined ? null : toChannel(row);
  },
  async findByExternalAccount(kind, externalAccountId) {
    const [row] = await db
      .select()
      .from(channels)
      .where(and(eq(channels.kind, kind), eq(channels.externalAccountId, externalAccountId)));
    return row === undefined ? null : toChannel(row);
  },
  async list(workspaceId) {
    const rows = await db
      .select()
      .from(channels)
      .where(eq(channels.workspaceId, workspaceId))
      .orderBy(asc(channels.createdAt), asc(channels.id));
    return rows.map(toChannel);
  },
  async updateHealth(workspaceId, id, health) {
    const rows = await db
      .update(channels)
      .set(healthColumns(health))
      .where(and(eq(channels.workspaceId, workspaceId), eq(channels.id, id)))
      .returning({ id: channels.id });
    requireUpdated(rows, `channel ${id}`);
  },
});
