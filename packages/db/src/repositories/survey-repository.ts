import type { Survey, SurveyRepository } from '@ascolta/core';
import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import { surveys } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict, requireUpdated } from './unique-violation.ts';

const toSurvey = (row: typeof surveys.$inferSelect): Survey => row;

export const createSurveyRepository = (db: Database): SurveyRepository => {
  const whereSurvey = (workspaceId: string, id: string) =>
    and(eq(surveys.workspaceId, workspaceId), eq(surveys.id, id));
  const newest = async (where: ReturnType<typeof and>): Promise<Survey | null> => {
    const [row] = await db.select().from(surveys).where(where).orderBy(desc(surveys.sentAt), desc(surveys.id)).limit(1);
    return row === undefined ? null : toSurvey(row);
  };
  return {
    insert: (survey) => insertOrConflict(db.insert(surveys).values(survey), `the survey of ticket ${survey.ticketId}`),
    async get(workspaceId, id) {
      const [row] = await db.select().from(surveys).where(whereSurvey(workspaceId, id));
      return row === undefined ? null : toSurvey(row);
    },
    async lockForAnswer(workspaceId, id) {
      const [row] = await db.select().from(surveys).where(whereSurvey(workspaceId, id)).for('update');
      return row === undefined ? null : toSurvey(row);
    },
    async update({ id, workspaceId, ...changes }) {
      const rows = await db
        .update(surveys)
        .set(changes)
        .where(whereSurvey(workspaceId, id))
        .returning({ id: surveys.id });
      requireUpdated(rows, `survey ${id}`);
    },
    findByTicket: (workspaceId, ticketId) =>
      newest(and(eq(surveys.workspaceId, workspaceId), eq(surveys.ticketId, ticketId))),
    findLatestForCustomer: (workspaceId, customerId) =>
      newest(and(eq(surveys.workspaceId, workspaceId), eq(surveys.customerId, customerId))),
    findWaiting: (workspaceId, customerId, channelId, now) =>
      newest(
        and(
          eq(surveys.workspaceId, workspaceId),
          eq(surveys.customerId, customerId),
          eq(surveys.channelId, channelId),
          eq(surveys.status, 'sent'),
          or(isNull(surveys.expiresAt), gt(surveys.expiresAt, now)),
        ),
      ),
  };
};
