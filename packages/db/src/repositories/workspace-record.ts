import { and, eq } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Database } from './database.ts';
import { requireUpdated } from './unique-violation.ts';

/** A configuration table whose rows belong to one workspace and are named by their id. */
type WorkspaceTable = PgTable & { workspaceId: PgColumn; id: PgColumn };

const whereRecord = (table: WorkspaceTable, workspaceId: string, id: string) =>
  and(eq(table.workspaceId, workspaceId), eq(table.id, id));

/**
 * Replace and delete for one workspace's record by id: `not-found` (naming `what`) when the workspace has no
 * such row, so another workspace's id never reaches its row.
 */
export const workspaceRecord = <T extends WorkspaceTable>(db: Database, table: T, what: string) => ({
  async update(workspaceId: string, id: string, values: PgUpdateSetSource<T>): Promise<void> {
    const rows = await db
      .update(table)
      .set(values)
      .where(whereRecord(table, workspaceId, id))
      .returning({ id: table.id });
    requireUpdated(rows, `${what} ${id}`);
  },
  async delete(workspaceId: string, id: string): Promise<void> {
    const rows = await db
      .delete(table)
      .where(whereRecord(table, workspaceId, id))
      .returning({ id: table.id });
    requireUpdated(rows, `${what} ${id}`);
  },
});
