import type { Incident, IncidentRepository, StoreDriver } from '@ascolta/core';
import { and, desc, eq, sql } from 'drizzle-orm';
import { localizedText } from '../json/domain-json.ts';
import { incidents } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict, requireUpdated } from './unique-violation.ts';

const toIncident = (row: typeof incidents.$inferSelect): Incident => ({
  ...row,
  solution: localizedText.parse(row.solution),
});

/** Advisory lock class of incident detection per workspace and category (1 is the pipeline's author lock). */
const categoryLockClass = 2;

export const createIncidentRepository = (db: Database, driver: StoreDriver = 'postgres'): IncidentRepository => {
  const whereIncident = (workspaceId: string, id: string) =>
    and(eq(incidents.workspaceId, workspaceId), eq(incidents.id, id));
  return {
    insert: (incident) => insertOrConflict(db.insert(incidents).values(incident), `incident ${incident.id}`),
    async get(workspaceId, id) {
      const [row] = await db.select().from(incidents).where(whereIncident(workspaceId, id));
      return row === undefined ? null : toIncident(row);
    },
    async update({ id, workspaceId, ...changes }) {
      const rows = await db
        .update(incidents)
        .set(changes)
        .where(whereIncident(workspaceId, id))
        .returning({ id: incidents.id });
      requireUpdated(rows, `incident ${id}`);
    },
    async list(workspaceId, status) {
      const rows = await db
        .select()
        .from(incidents)
        .where(
          and(eq(incidents.workspaceId, workspaceId), status === undefined ? undefined : eq(incidents.status, status)),
        )
        .orderBy(desc(incidents.openedAt), desc(incidents.id));
      return rows.map(toIncident);
    },
    async lockCategory(workspaceId, category) {
      // One PGlite session never runs two transactions at once: nothing to wait for.
      if (driver === 'pglite') return;
      await db.execute(
        sql`SELECT pg_advisory_xact_lock(${categoryLockClass}, hashtext(${workspaceId} || '/' || ${category}))`,
      );
    },
  };
};
