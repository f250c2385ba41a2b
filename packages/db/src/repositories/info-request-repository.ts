import type { InfoRequestRepository } from '@ascolta/core';
import { and, asc, eq } from 'drizzle-orm';
import { infoFieldsJson, localizedText } from '../json/domain-json.ts';
import { infoRequests } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict, requireUpdated } from './unique-violation.ts';

export const createInfoRequestRepository = (db: Database): InfoRequestRepository => ({
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
  async update({ id, workspaceId, ...changes }) {
    const rows = await db
      .update(infoRequests)
      .set(changes)
      .where(and(eq(infoRequests.workspaceId, workspaceId), eq(infoRequests.id, id)))
      .returning({ id: infoRequests.id });
    requireUpdated(rows, `info request ${id}`);
  },
  async delete(workspaceId, id) {
    const rows = await db
      .delete(infoRequests)
      .where(and(eq(infoRequests.workspaceId, workspaceId), eq(infoRequests.id, id)))
      .returning({ id: infoRequests.id });
    requireUpdated(rows, `info request ${id}`);
  },
});
