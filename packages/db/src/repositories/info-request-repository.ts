import type { InfoRequestRepository } from '@ascolta/core';
import { asc, eq } from 'drizzle-orm';
import { infoFieldsJson, localizedText } from '../json/domain-json.ts';
import { infoRequests } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict } from './unique-violation.ts';
import { workspaceRecord } from './workspace-record.ts';

export const createInfoRequestRepository = (db: Database): InfoRequestRepository => {
  const record = workspaceRecord(db, infoRequests, 'info request');
  return {
    insert: (request) => insertOrConflict(db.insert(infoRequests).values(request), `info request ${request.id}`),
    async list(workspaceId) {
      const rows = await db
        .select()
        .from(infoRequests)
        .where(eq(infoRequests.workspaceId, workspaceId))
        .orderBy(asc(infoRequests.category));
      return rows.map((row) => ({
        ...row,
        fields: infoFieldsJson.parse(row.fields),
        prompt: localizedText.parse(row.prompt),
        publicAcknowledgement: localizedText.parse(row.publicAcknowledgement),
      }));
    },
    update: ({ id, workspaceId, ...changes }) => record.update(workspaceId, id, changes),
    delete: (workspaceId, id) => record.delete(workspaceId, id),
  };
};
