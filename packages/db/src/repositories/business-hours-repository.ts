import type { BusinessHoursRepository } from '@ascolta/core';
import { asc, eq } from 'drizzle-orm';
import { openingIntervalsJson } from '../json/domain-json.ts';
import { businessHours } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict } from './unique-violation.ts';
import { workspaceRecord } from './workspace-record.ts';

export const createBusinessHoursRepository = (db: Database): BusinessHoursRepository => {
  const record = workspaceRecord(db, businessHours, 'business hours');
  return {
    insert: (hours) =>
      insertOrConflict(
        db.insert(businessHours).values({ ...hours, intervals: hours.intervals, holidays: [...hours.holidays] }),
        `business hours ${hours.id}`,
      ),
    async list(workspaceId) {
      const rows = await db
        .select()
        .from(businessHours)
        .where(eq(businessHours.workspaceId, workspaceId))
        .orderBy(asc(businessHours.name));
      return rows.map((row) => ({ ...row, intervals: openingIntervalsJson.parse(row.intervals) }));
    },
    update: ({ id, workspaceId, ...changes }) =>
      record.update(workspaceId, id, { ...changes, intervals: changes.intervals, holidays: [...changes.holidays] }),
    delete: (workspaceId, id) => record.delete(workspaceId, id),
  };
};
