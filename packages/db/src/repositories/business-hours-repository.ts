import type { BusinessHoursRepository } from '@ascolta/core';
import { and, asc, eq } from 'drizzle-orm';
import { openingIntervalsJson } from '../json/domain-json.ts';
import { businessHours } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict, requireUpdated } from './unique-violation.ts';

export const createBusinessHoursRepository = (db: Database): BusinessHoursRepository => ({
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
  async update({ id, workspaceId, ...changes }) {
    const rows = await db
      .update(businessHours)
      .set({ ...changes, intervals: changes.intervals, holidays: [...changes.holidays] })
      .where(and(eq(businessHours.workspaceId, workspaceId), eq(businessHours.id, id)))
      .returning({ id: businessHours.id });
    requireUpdated(rows, `business hours ${id}`);
  },
  async delete(workspaceId, id) {
    const rows = await db
      .delete(businessHours)
      .where(and(eq(businessHours.workspaceId, workspaceId), eq(businessHours.id, id)))
      .returning({ id: businessHours.id });
    requireUpdated(rows, `business hours ${id}`);
  },
});
