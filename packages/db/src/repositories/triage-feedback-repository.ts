import type { TriageFeedbackRepository } from '@ascolta/core';
import { and, asc, eq, gte } from 'drizzle-orm';
import { triageFeedback } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict } from './unique-violation.ts';

export const createTriageFeedbackRepository = (db: Database): TriageFeedbackRepository => ({
  insert: (feedback) => insertOrConflict(db.insert(triageFeedback).values(feedback), `triage feedback ${feedback.id}`),
  list: (workspaceId, since) =>
    db
      .select()
      .from(triageFeedback)
      .where(
        and(
          eq(triageFeedback.workspaceId, workspaceId),
          since === undefined ? undefined : gte(triageFeedback.createdAt, since),
        ),
      )
      .orderBy(asc(triageFeedback.createdAt), asc(triageFeedback.id)),
});
