import type { EventCursorRepository } from '@ascolta/core';
import { and, asc, eq, gt } from 'drizzle-orm';
import { eventCursors, events } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { requireUpdated } from './unique-violation.ts';

export const createEventCursorRepository = (db: Database): EventCursorRepository => {
  const whereCursor = (consumer: string, workspaceId: string) =>
    and(eq(eventCursors.consumer, consumer), eq(eventCursors.workspaceId, workspaceId));
  return {
    async lock(consumer, workspaceId, initialSequence, now) {
      await db
        .insert(eventCursors)
        .values({ consumer, workspaceId, lastSequence: initialSequence, gapSeenAt: null, updatedAt: now })
        .onConflictDoNothing();
      // FOR UPDATE: a second reader of the same workspace waits here until this transaction ends.
      const [row] = await db.select().from(eventCursors).where(whereCursor(consumer, workspaceId)).for('update');
      if (row === undefined) throw new Error(`event cursor ${consumer}/${workspaceId} vanished`);
      return row;
    },
    async save({ consumer, workspaceId, ...changes }) {
      const rows = await db
        .update(eventCursors)
        .set(changes)
        .where(whereCursor(consumer, workspaceId))
        .returning({ consumer: eventCursors.consumer });
      requireUpdated(rows, `event cursor ${consumer}/${workspaceId}`);
    },
    async listSequencesAfter(afterSequence, limit) {
      const rows = await db
        .select({ sequence: events.sequence })
        .from(events)
        .where(gt(events.sequence, afterSequence))
        .orderBy(asc(events.sequence))
        .limit(limit);
      return rows.map((row) => row.sequence);
    },
  };
};
