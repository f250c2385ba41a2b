import type { Workspace, WorkspaceRepository } from '@ascolta/core';
import { asc, eq } from 'drizzle-orm';
import { workspaces } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict } from './unique-violation.ts';

const toWorkspace = (row: typeof workspaces.$inferSelect): Workspace => ({ ...row });

export const createWorkspaceRepository = (db: Database): WorkspaceRepository => ({
  insert: (workspace) =>
    insertOrConflict(db.insert(workspaces).values({ ...workspace, languages: [...workspace.languages] }), 'workspace'),
  async get(id) {
    const [row] = await db.select().from(workspaces).where(eq(workspaces.id, id));
    return row === undefined ? null : toWorkspace(row);
  },
  async list() {
    const rows = await db.select().from(workspaces).orderBy(asc(workspaces.createdAt), asc(workspaces.id));
    return rows.map(toWorkspace);
  },
});
