import type { TeamRepository } from '@ascolta/core';
import { and, asc, eq } from 'drizzle-orm';
import { teams } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict, requireUpdated } from './unique-violation.ts';

export const createTeamRepository = (db: Database): TeamRepository => ({
  insert: (team) =>
    insertOrConflict(
      db.insert(teams).values({ ...team, categories: [...team.categories], languages: [...team.languages] }),
      `team ${team.id}`,
    ),
  list: (workspaceId) => db.select().from(teams).where(eq(teams.workspaceId, workspaceId)).orderBy(asc(teams.name)),
  async update({ id, workspaceId, ...changes }) {
    const rows = await db
      .update(teams)
      .set({ ...changes, categories: [...changes.categories], languages: [...changes.languages] })
      .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, id)))
      .returning({ id: teams.id });
    requireUpdated(rows, `team ${id}`);
  },
  async delete(workspaceId, id) {
    const rows = await db
      .delete(teams)
      .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, id)))
      .returning({ id: teams.id });
    requireUpdated(rows, `team ${id}`);
  },
});
