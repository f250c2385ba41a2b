import type { TouchpointRepository } from '@ascolta/core';
import { and, asc, eq, gte } from 'drizzle-orm';
import { jsonObject } from '../json/domain-json.ts';
import { touchpoints } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict } from './unique-violation.ts';

export const createTouchpointRepository = (db: Database): TouchpointRepository => ({
  insert: (touchpoint) => insertOrConflict(db.insert(touchpoints).values(touchpoint), `touchpoint ${touchpoint.id}`),
  async listByCustomer(workspaceId, customerId, since) {
    const rows = await db
      .select()
      .from(touchpoints)
      .where(
        and(
          eq(touchpoints.workspaceId, workspaceId),
          eq(touchpoints.customerId, customerId),
          since === undefined ? undefined : gte(touchpoints.occurredAt, since),
        ),
      )
      .orderBy(asc(touchpoints.occurredAt), asc(touchpoints.id));
    return rows.map((row) => ({ ...row, data: jsonObject.parse(row.data) }));
  },
});
