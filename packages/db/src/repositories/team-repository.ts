import type { TeamRepository } from '@ascolta/core';
import { asc, eq } from 'drizzle-orm';
import { teams } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict } from './unique-violation.ts';

export const createTeamRepository = (db: Database): TeamRepository => ({
  insert: (team) =>
    insertOrConflict(
      db.insert(teams).values({ ...team, categories: [...team.categories], languages: [...team.languages] }),
      `team ${team.id}`,
    ),
  list: (workspaceId) => db.select().from(teams).where(eq(teams.workspaceId, workspaceId)).orderBy(asc(teams.name)),
});
