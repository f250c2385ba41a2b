import type { SlaPolicyRepository } from '@ascolta/core';
import { asc, eq } from 'drizzle-orm';
import { slaTargetsJson } from '../json/domain-json.ts';
import { slaPolicies } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict } from './unique-violation.ts';
import { workspaceRecord } from './workspace-record.ts';

export const createSlaPolicyRepository = (db: Database): SlaPolicyRepository => {
  const record = workspaceRecord(db, slaPolicies, 'SLA policy');
  return {
    insert: (policy) => insertOrConflict(db.insert(slaPolicies).values(policy), `SLA policy ${policy.id}`),
    async list(workspaceId) {
      const rows = await db
        .select()
        .from(slaPolicies)
        .where(eq(slaPolicies.workspaceId, workspaceId))
        .orderBy(asc(slaPolicies.name));
      return rows.map((row) => ({ ...row, targets: slaTargetsJson.parse(row.targets) }));
    },
    update: ({ id, workspaceId, ...changes }) => record.update(workspaceId, id, changes),
    delete: (workspaceId, id) => record.delete(workspaceId, id),
  };
};
