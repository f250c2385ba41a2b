import type { ReportWindow } from '@ascolta/core';
import type { SqlConnection } from '../sql/sql-driver.ts';
import {
  bucketIndexSql,
  count,
  numberOrNull,
  type Row,
  type SqlParams,
  share,
  sqlParams,
  statsOf,
  statsSql,
  ticketFilterSql,
} from './report-sql.ts';
import { inRange } from './report-volume-queries.ts';

/** Tickets opened in the range and matching the filters: the cohort every ticket figure describes. */
export const cohortSql = (window: ReportWindow, params: SqlParams, extraColumns = '') =>
  `SELECT *${extraColumns} FROM report_ticket_facts
   WHERE ${ticketFilterSql(window, params)} AND ${inRange('opened_at', window, params)}`;

/** Sentiment at or below this counts as negative (triage scores −1..1). */
export const negativeSentiment = -0.2;

const medianSql = (column: string, prefix: string) =>
  `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${column}) AS ${prefix}_median`;

/**
 * The cohort's durations, automation, handling and sentiment: one statement for the whole range (each
 * duration sorted once for its median and p90), one for the per-bucket medians and sentiment.
 */
export const queryCohortSummary = async (connection: SqlConnection, window: ReportWindow) => {
  const overall = sqlParams();
  const business = sqlParams();
  const perBucket = sqlParams();
  const bucket = bucketIndexSql('opened_at', window, perBucket);
  // Three statements side by side (a report's statements run on separate connections): the sorts of the
  // calendar and business durations in parallel, and the per-bucket medians.
  const [all, businessStats, buckets] = await Promise.all([
    connection.query(
      `SELECT count(*)::int AS tickets,
         ${statsSql('first_response_minutes', 'fr')}, ${statsSql('resolution_minutes', 'res')},
         count(*) FILTER (WHERE is_info_requested)::int AS info_requested,
         count(*) FILTER (WHERE is_info_collected_in_one_interaction)::int AS info_one,
         count(*) FILTER (WHERE is_auto_answered)::int AS auto_answered,
         count(*) FILTER (WHERE is_auto_resolved)::int AS auto_resolved,
         count(*) FILTER (WHERE is_resolved)::int AS resolved,
         coalesce(sum(resolution_minutes), 0)::float8 AS resolution_total,
         coalesce(sum(automated_messages + human_interactions), 0)::int AS interactions,
         coalesce(sum(human_interactions), 0)::int AS human_interactions,
         avg(sentiment)::float8 AS sentiment_avg, count(sentiment)::int AS sentiment_count,
         count(*) FILTER (WHERE sentiment <= ${negativeSentiment})::int AS negative
       FROM (${cohortSql(window, overall)}) f`,
      overall.values,
    ),
    connection.query(
      `SELECT ${statsSql('first_response_business_minutes', 'frb')}, ${statsSql('resolution_business_minutes', 'resb')}
       FROM (${cohortSql(window, business)}) f`,
      business.values,
    ),
    connection.query(
      `SELECT ${bucket.sql} AS bucket, count(*)::int AS tickets,
         ${medianSql('first_response_minutes', 'fr')}, ${medianSql('first_response_business_minutes', 'frb')},
         ${medianSql('resolution_minutes', 'res')}, ${medianSql('resolution_business_minutes', 'resb')},
         avg(sentiment)::float8 AS sentiment_avg, count(sentiment)::int AS sentiment_count,
         count(*) FILTER (WHERE sentiment <= ${negativeSentiment})::int AS negative
       FROM (${cohortSql(window, perBucket)}) f GROUP BY 1`,
      perBucket.values,
    ),
  ]);
  const byIndex = new Map((buckets.rows as Row[]).map((row) => [Number(row.bucket), row]));
  return {
    all: { ...(all.rows[0] as Row | undefined), ...(businessStats.rows[0] as Row | undefined) } as Row,
    buckets: bucket.starts.map((start, index) => ({ start: start.toISOString(), row: byIndex.get(index + 1) })),
  };
};

export type CohortSummary = Awaited<ReturnType<typeof queryCohortSummary>>;

export const responseTimesFrom = ({ all, buckets }: CohortSummary) => ({
  firstResponse: { calendar: statsOf(all, 'fr'), business: statsOf(all, 'frb') },
  resolution: { calendar: statsOf(all, 'res'), business: statsOf(all, 'resb') },
  buckets: buckets.map(({ start, row }) => ({
    start,
    firstResponseMedianMinutes: numberOrNull(row?.fr_median),
    firstResponseBusinessMedianMinutes: numberOrNull(row?.frb_median),
    resolutionMedianMinutes: numberOrNull(row?.res_median),
    resolutionBusinessMedianMinutes: numberOrNull(row?.resb_median),
  })),
});

export const automationFrom = ({ all }: CohortSummary) => {
  const tickets = count(all?.tickets);
  const requested = count(all?.info_requested);
  const collected = count(all?.info_one);
  const autoResolved = count(all?.auto_resolved);
  return {
    tickets,
    infoRequested: requested,
    infoCollectedInOneInteraction: collected,
    infoCollectedInOneInteractionShare: share(collected, requested),
    autoAnswered: count(all?.auto_answered),
    autoResolved,
    autoResolvedShare: share(autoResolved, tickets),
    interactionsPerTicket: tickets === 0 ? null : numberOrNull(count(all?.interactions) / tickets),
    humanInteractionsPerTicket: tickets === 0 ? null : numberOrNull(count(all?.human_interactions) / tickets),
    handlingMinutes: statsOf(all, 'res'),
  };
};

export const sentimentTrendFrom = ({ all, buckets }: CohortSummary) => ({
  averageSentiment: numberOrNull(all?.sentiment_avg),
  negativeShare: share(count(all?.negative), count(all?.sentiment_count)),
  buckets: buckets.map(({ start, row }) => ({
    start,
    tickets: count(row?.tickets),
    averageSentiment: numberOrNull(row?.sentiment_avg),
    negativeShare: share(count(row?.negative), count(row?.sentiment_count)),
  })),
});

/** The backlog at the end of the range: opened before it, not resolved by then, aged at min(end, now). */
export const queryBacklog = async (connection: SqlConnection, window: ReportWindow) => {
  const params = sqlParams();
  const end = params.add(window.end.toISOString());
  const asOf = params.add(new Date(Math.min(window.end.getTime(), window.now.getTime())).toISOString());
  const { rows } = await connection.query(
    `WITH open AS (
       SELECT priority_band, extract(epoch FROM (${asOf}::timestamptz - opened_at)) / 60 AS age,
              (first_response_at IS NULL OR first_response_at >= ${end}::timestamptz) AS is_unanswered
       FROM report_ticket_facts
       WHERE ${ticketFilterSql(window, params)} AND opened_at < ${end}::timestamptz
         AND NOT (is_resolved AND resolved_at < ${end}::timestamptz))
     SELECT priority_band, grouping(priority_band)::int AS g, count(*)::int AS n,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY age) AS median_age, max(age)::float8 AS oldest,
       count(*) FILTER (WHERE is_unanswered)::int AS unanswered,
       count(*) FILTER (WHERE age < 60)::int AS a1, count(*) FILTER (WHERE age >= 60 AND age < 240)::int AS a2,
       count(*) FILTER (WHERE age >= 240 AND age < 1440)::int AS a3,
       count(*) FILTER (WHERE age >= 1440 AND age < 4320)::int AS a4,
       count(*) FILTER (WHERE age >= 4320 AND age < 10080)::int AS a5, count(*) FILTER (WHERE age >= 10080)::int AS a6
     FROM open GROUP BY GROUPING SETS ((), (priority_band))`,
    params.values,
  );
  const all = (rows as Row[]).find((row) => Number(row.g) === 1);
  const ages: Array<[string, number | null]> = [
    ['< 1 h', 60],
    ['1–4 h', 240],
    ['4–24 h', 1440],
    ['1–3 d', 4320],
    ['3–7 d', 10080],
    ['≥ 7 d', null],
  ];
  return {
    open: count(all?.n),
    medianAgeMinutes: numberOrNull(all?.median_age),
    oldestAgeMinutes: numberOrNull(all?.oldest),
    byAge: ages.map(([label, maxMinutes], index) => ({ label, maxMinutes, count: count(all?.[`a${index + 1}`]) })),
    byPriorityBand: Object.fromEntries(
      (rows as Row[]).filter((row) => Number(row.g) === 0).map((row) => [String(row.priority_band), count(row.n)]),
    ),
    unanswered: count(all?.unanswered),
  };
};
