import type { SlaPolicyRepository } from '@ascolta/core';
import { and, asc, eq } from 'drizzle-orm';
import { slaTargetsJson } from '../json/domain-json.ts';
import { slaPolicies } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict, requireUpdated } from './unique-violation.ts';

export const createSlaPolicyRepository = (db: Database): SlaPolicyRepository => ({
  insert: (policy) => insertOrConflict(db.insert(slaPolicies).values(policy), `SLA policy ${policy.id}`),
  async list(workspaceId) {
    const rows = await db
      .select()
      .from(slaPolicies)
      .where(eq(slaPolicies.workspaceId, workspaceId))
      .orderBy(asc(slaPolicies.name));
    return rows.map((row) => ({ ...row, targets: slaTargetsJson.parse(row.targets) }));
  },
  async update({ id, workspaceId, ...changes }) {
    const rows = await db
      .update(slaPolicies)
      .set(changes)
      .where(and(eq(slaPolicies.workspaceId, workspaceId), eq(slaPolicies.id, id)))
      .returning({ id: slaPolicies.id });
    requireUpdated(rows, `SLA policy ${id}`);
  },
  async delete(workspaceId, id) {
    const rows = await db
      .delete(slaPolicies)
      .where(and(eq(slaPolicies.workspaceId, workspaceId), eq(slaPolicies.id, id)))
      .returning({ id: slaPolicies.id });
    requireUpdated(rows, `SLA policy ${id}`);
  },
});
