import type { Message, MessageQuery, MessageRepository, StoreDriver } from '@ascolta/core';
import { and, desc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { attachmentsJson, jsonObject, triageJson } from '../json/domain-json.ts';
import { messages } from '../schema/schema.ts';
import { decodeCursor, encodeCursor, pageSize } from './cursor.ts';
import type { Database } from './database.ts';
import { requireUpdated } from './unique-violation.ts';

// Every column but the search vector, which only the database reads.
const { search: _, ...messageColumns } = getTableColumns(messages);

type MessageRow = Omit<typeof messages.$inferSelect, 'search'>;

const toMessage = (row: MessageRow): Message => ({
  ...row,
  authorIsVerified: row.authorIsVerified ?? false,
  attachments: attachmentsJson.parse(row.attachments),
  metadata: jsonObject.parse(row.metadata),
  triage: row.triage === null ? null : triageJson.parse(row.triage),
});

/** Matches Italian and English stems alike; `websearch` syntax accepts whatever a person types. */
const fullTextMatch = (q: string): SQL =>
  sql`${messages.search} @@ (websearch_to_tsquery('italian'::regconfig, ${q}) || websearch_to_tsquery('english'::regconfig, ${q}))`;

const filtersOf = (query: MessageQuery): Array<SQL | undefined> => [
  eq(messages.workspaceId, query.workspaceId),
  query.q === undefined || query.q.trim() === '' ? undefined : fullTextMatch(query.q),
  query.channelId === undefined ? undefined : eq(messages.channelId, query.channelId),
  query.channelKind === undefined ? undefined : eq(messages.channelKind, query.channelKind),
  query.externalId === undefined ? undefined : eq(messages.externalId, query.externalId),
  query.ticketId === undefined ? undefined : eq(messages.ticketId, query.ticketId),
  query.customerId === undefined ? undefined : eq(messages.customerId, query.customerId),
  query.direction === undefined ? undefined : eq(messages.direction, query.direction),
];

const sortName = 'received';

const listMessages = async (db: Database, query: MessageQuery) => {
  const limit = pageSize(query.limit);
  const position = query.cursor ? decodeCursor(query.cursor, sortName) : null;
  const after =
    position === null
      ? undefined
      : sql`(${messages.receivedAt}, ${messages.id}) < (${position[0]}::timestamptz, ${position[1]})`;
  const rows = await db
    .select(messageColumns)
    .from(messages)
    .where(and(...filtersOf(query), after))
    .orderBy(desc(messages.receivedAt), desc(messages.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const hasMore = rows.length > limit && last !== undefined;
  return {
    items: items.map(toMessage),
    nextCursor: hasMore ? encodeCursor({ sort: sortName, after: [last.receivedAt.toISOString(), last.id] }) : null,
  };
};

/** Advisory lock class of the pipeline's per-author lock (2 is incident detection per category). */
const authorLockClass = 1;

/**
 * The author's inbound messages before the given one (platform time, then arrival, then id) that the pipeline
 * has not processed or given up on; the partial index \`messages_unprocessed_by_author\` (migration 0008) serves it.
 */
const unprocessedBefore = (workspaceId: string, id: string) => sql`
  SELECT e.id FROM messages m JOIN messages e
    ON e.workspace_id = m.workspace_id AND e.channel_id = m.channel_id
    AND coalesce(e.author_external_id, e.author_handle) = coalesce(m.author_external_id, m.author_handle)
  WHERE m.workspace_id = ${workspaceId} AND m.id = ${id}
    AND e.direction = 'inbound' AND e.triage IS NULL AND e.ticket_id IS NULL AND e.ignored_reason IS NULL
    AND e.delivery_state <> 'failed'
    AND (e.received_at, e.created_at, e.id) < (m.received_at, m.created_at, m.id)
  ORDER BY e.received_at, e.created_at, e.id
  LIMIT 20`;

export const createMessageRepository = (db: Database, driver: StoreDriver = 'postgres'): MessageRepository => {
  const findByExternalId = async (channelId: string, externalId: string) => {
    const [row] = await db
      .select(messageColumns)
      .from(messages)
      .where(and(eq(messages.channelId, channelId), eq(messages.externalId, externalId)));
    return row === undefined ? null : toMessage(row);
  };
  return {
    async insertIdempotent(message) {
      const [row] = await db
        .insert(messages)
        .values(message)
        .onConflictDoNothing({ target: [messages.channelId, messages.externalId] })
        .returning(messageColumns);
      if (row !== undefined) return { message: toMessage(row), isNew: true };
      // The conflicting row was committed before our insert looked, so a fresh read sees it.
      const existing = await findByExternalId(message.channelId, message.externalId);
      if (existing === null) throw new Error(`message ${message.externalId} conflicted but cannot be read`);
      return { message: existing, isNew: false };
    },
    async get(workspaceId, id) {
      const [row] = await db
        .select(messageColumns)
        .from(messages)
        .where(and(eq(messages.workspaceId, workspaceId), eq(messages.id, id)));
      return row === undefined ? null : toMessage(row);
    },
    findByExternalId,
    async update({ id, workspaceId, channelId: _c, externalId: _e, createdAt: _t, ...changes }) {
      const rows = await db
        .update(messages)
        .set(changes)
        .where(and(eq(messages.workspaceId, workspaceId), eq(messages.id, id)))
        .returning({ id: messages.id });
      requireUpdated(rows, `message ${id}`);
    },
    async updateSent({ id, workspaceId, channelId: _c, createdAt: _t, ...changes }) {
      const rows = await db
        .update(messages)
        .set(changes)
        .where(and(eq(messages.workspaceId, workspaceId), eq(messages.id, id)))
        .returning({ id: messages.id });
      requireUpdated(rows, `message ${id}`);
    },
    list: (query) => listMessages(db, query),
    async lockAuthorOf(workspaceId, id) {
      // One PGlite session never runs two transactions at once: nothing to wait for.
      if (driver === 'pglite') return;
      await db.execute(sql`
        SELECT pg_advisory_xact_lock(${authorLockClass},
          hashtext(workspace_id || '/' || channel_id || '/' || coalesce(author_external_id, author_handle)))
        FROM messages WHERE workspace_id = ${workspaceId} AND id = ${id}`);
    },
    async listUnprocessedBefore(workspaceId, id) {
      const result = await db.execute<{ id: string }>(unprocessedBefore(workspaceId, id));
      return result.map((row) => row.id);
    },
  };
};
