import {
  csatPercent,
  csatSatisfiedMin,
  netPromoterScore,
  npsDetractorMax,
  npsPromoterMin,
  type ReportWindow,
} from '@ascolta/core';
import type { SqlConnection } from '../sql/sql-driver.ts';
import { count, iso, numberOrNull, type Row, sqlParams, ticketFilterSql } from './report-sql.ts';
import { inRange } from './report-volume-queries.ts';

const commentsShown = 50;

/**
 * CSAT and NPS of the survey answers given in the range (on tickets matching the filters), with the latest
 * comments. The classification rules are core's; the SQL only counts by them.
 */
export const querySatisfaction = async (connection: SqlConnection, window: ReportWindow) => {
  const answeredIn = (alias: string) => {
    const params = sqlParams();
    const where = `${ticketFilterSql(window, params, alias)} AND ${inRange(`${alias}survey_answered_at`, window, params)}`;
    return { where, params: params.values };
  };
  const all = answeredIn('');
  const commented = answeredIn('f.');
  const [summary, comments] = await Promise.all([
    connection.query(
      `SELECT count(csat_score)::int AS csat_n, count(*) FILTER (WHERE csat_score >= ${csatSatisfiedMin})::int AS csat_ok,
         avg(csat_score)::float8 AS csat_avg, count(nps_score)::int AS nps_n,
         count(*) FILTER (WHERE nps_score >= ${npsPromoterMin})::int AS promoters,
         count(*) FILTER (WHERE nps_score <= ${npsDetractorMax})::int AS detractors
       FROM report_ticket_facts WHERE ${all.where}`,
      all.params,
    ),
    connection.query(
      `SELECT f.ticket_id, t.number, f.survey_kind, coalesce(f.csat_score, f.nps_score) AS score,
         f.survey_comment, f.survey_answered_at
       FROM report_ticket_facts f LEFT JOIN tickets t ON t.workspace_id = f.workspace_id AND t.id = f.ticket_id
       WHERE ${commented.where} AND f.survey_comment IS NOT NULL
       ORDER BY f.survey_answered_at DESC LIMIT ${commentsShown}`,
      commented.params,
    ),
  ]);
  const row = summary.rows[0] as Row | undefined;
  const csatResponses = count(row?.csat_n);
  const npsResponses = count(row?.nps_n);
  const promoters = count(row?.promoters);
  const detractors = count(row?.detractors);
  return {
    csat: {
      responses: csatResponses,
      satisfied: count(row?.csat_ok),
      score: numberOrNull(csatPercent(count(row?.csat_ok), csatResponses)),
      averageScore: numberOrNull(row?.csat_avg),
    },
    nps: {
      responses: npsResponses,
      promoters,
      passives: npsResponses - promoters - detractors,
      detractors,
      score: numberOrNull(netPromoterScore(promoters, detractors, npsResponses)),
    },
    comments: (comments.rows as Row[]).map((comment) => ({
      ticketId: String(comment.ticket_id),
      ticketNumber: comment.number === null || comment.number === undefined ? null : Number(comment.number),
      kind: comment.survey_kind === 'nps' ? ('nps' as const) : ('csat' as const),
      score: Number(comment.score),
      comment: String(comment.survey_comment),
      answeredAt: iso(comment.survey_answered_at),
    })),
  };
};
