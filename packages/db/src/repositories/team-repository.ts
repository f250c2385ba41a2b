import type { TeamRepository } from '@ascolta/core';
import { asc, eq } from 'drizzle-orm';
import { teams } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict } from './unique-violation.ts';
import { workspaceRecord } from './workspace-record.ts';

export const createTeamRepository = (db: Database): TeamRepository => {
  const record = workspaceRecord(db, teams, 'team');
  return {
    insert: (team) =>
      insertOrConflict(
        db.insert(teams).values({ ...team, categories: [...team.categories], languages: [...team.languages] }),
        `team ${team.id}`,
      ),
    list: (workspaceId) => db.select().from(teams).where(eq(teams.workspaceId, workspaceId)).orderBy(asc(teams.name)),
    update: ({ id, workspaceId, ...changes }) =>
      record.update(workspaceId, id, {
        ...changes,
        categories: [...changes.categories],
        languages: [...changes.languages],
      }),
    delete: (workspaceId, id) => record.delete(workspaceId, id),
  };
};
