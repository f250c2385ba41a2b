import {
  businessCase,
  defaultReportBaseline,
  localDateParts,
  localTimeToInstant,
  type ReportBaseline,
  type ReportWindow,
} from '@ascolta/core';
import { z } from 'zod';
import type { SqlConnection, SqlDriver } from '../sql/sql-driver.ts';
import { queryIncidents, queryRising } from './report-detail-queries.ts';
import { queryAgents, querySla } from './report-sla-queries.ts';
import { count, numberOrNull, type Row, share, sqlParams } from './report-sql.ts';
import { querySatisfaction } from './report-survey-queries.ts';
import {
  automationFrom,
  type CohortSummary,
  queryBacklog,
  queryCohortSummary,
  responseTimesFrom,
  sentimentTrendFrom,
} from './report-ticket-queries.ts';
import { queryTicketRows } from './report-ticket-rows.ts';
import { queryTriage, queryVolume } from './report-volume-queries.ts';

const baselineJson = z.object({
  handlingHoursPerTicket: z.number(),
  interactionsPerCase: z.number(),
  agentHoursPerTicket: z.number(),
  agentMinutesPerInteraction: z.number(),
});

const baselineIn = async (connection: SqlConnection, workspaceId: string): Promise<ReportBaseline> => {
  const { rows } = await connection.query('SELECT baseline FROM report_settings WHERE workspace_id = $1', [
    workspaceId,
  ]);
  const stored = baselineJson.safeParse((rows[0] as Row | undefined)?.baseline);
  return stored.success ? stored.data : defaultReportBaseline;
};

const businessCaseFrom = (baseline: ReportBaseline, { all }: CohortSummary) =>
  businessCase(baseline, {
    tickets: count(all?.tickets),
    resolvedTickets: count(all?.resolved),
    resolutionMinutesTotal: Number(all?.resolution_total ?? 0),
    interactions: count(all?.interactions),
    humanInteractions: count(all?.human_interactions),
  });

/**
 * Memory for a report statement's sorts and hash tables: the default 4 MB makes PostgreSQL sort a 100 000-ticket
 * cohort on disk and prefer sorting to hashing. Set per transaction, so no other statement gets it.
 */
const reportWorkMem = '64MB';

/** The reports over the projection: every figure of `/api/v1/reports/*`, aggregated in SQL. */
export const createReportRepository = (driver: SqlDriver) => {
  const { connection } = driver;
  // Each statement runs in its own short transaction with the larger work_mem: on PostgreSQL the statements of
  // one report run side by side on pooled connections; PGlite takes them one at a time.
  const withWorkMem: SqlConnection = {
    query: (text, params, rowMode) =>
      driver.transaction(async (tx) => {
        await tx.query(`SET LOCAL work_mem = '${reportWorkMem}'`, []);
        return tx.query(text, params, rowMode);
      }),
    exec: (script) => connection.exec(script),
  };
  const session =
    <A extends unknown[], T>(work: (connection: SqlConnection, ...args: A) => Promise<T>) =>
    (...args: A): Promise<T> =>
      work(withWorkMem, ...args);
  const baseline = (workspaceId: string) => baselineIn(connection, workspaceId);
  const reports = {
    async projectedThroughSequence(): Promise<number> {
      const { rows } = await connection.query(
        "SELECT last_sequence FROM event_cursors WHERE consumer = 'reports' AND workspace_id = '*'",
        [],
      );
      return count((rows[0] as Row | undefined)?.last_sequence);
    },
    baseline,
    async putBaseline(workspaceId: string, value: ReportBaseline, now: Date): Promise<void> {
      await connection.query(
        `INSERT INTO report_settings (workspace_id, baseline, updated_at) VALUES ($1, $2::jsonb, $3)
         ON CONFLICT (workspace_id) DO UPDATE SET baseline = excluded.baseline, updated_at = excluded.updated_at`,
        [workspaceId, JSON.stringify(value), now.toISOString()],
      );
    },
    volume: session(queryVolume),
    triage: session(queryTriage),
    'response-times': session(async (tx, window: ReportWindow) =>
      responseTimesFrom(await queryCohortSummary(tx, window)),
    ),
    sla: session(querySla),
    backlog: session(queryBacklog),
    automation: session(async (tx, window: ReportWindow) => automationFrom(await queryCohortSummary(tx, window))),
    sentiment: session(async (tx, window: ReportWindow) => {
      const [summary, rising] = await Promise.all([queryCohortSummary(tx, window), queryRising(tx, window)]);
      return { ...sentimentTrendFrom(summary), ...rising };
    }),
    incidents: session(queryIncidents),
    agents: session(queryAgents),
    satisfaction: session(querySatisfaction),
    'business-case': session(async (tx, window: ReportWindow) =>
      businessCaseFrom(await baselineIn(tx, window.workspaceId), await queryCohortSummary(tx, window)),
    ),
    /** The main report: every section, its statements side by side. */
    overview: session(async (tx, window: ReportWindow) => {
      const [volume, triage, summary, sla, backlog, satisfaction, base] = await Promise.all([
        queryVolume(tx, window),
        queryTriage(tx, window),
        queryCohortSummary(tx, window),
        querySla(tx, window),
        queryBacklog(tx, window),
        querySatisfaction(tx, window),
        baselineIn(tx, window.workspaceId),
      ]);
      return {
        volume,
        triage,
        responseTimes: responseTimesFrom(summary),
        sla,
        backlog,
        automation: automationFrom(summary),
        satisfaction,
        businessCase: businessCaseFrom(base, summary),
      };
    }),
    tickets: session(queryTicketRows),
    today: session(queryToday),
    /** Whether a filter value names something the workspace has (an unknown one is a 400, not an empty report). */
    async isKnown(workspaceId: string, dimension: 'channel' | 'team' | 'agent' | 'category', value: string) {
      const sql = {
        channel: 'SELECT 1 FROM channels WHERE workspace_id = $1 AND id = $2',
        team: 'SELECT 1 FROM teams WHERE workspace_id = $1 AND id = $2',
        agent: 'SELECT 1 FROM agents WHERE workspace_id = $1 AND id = $2',
        category: `SELECT 1 FROM teams WHERE workspace_id = $1 AND $2 = ANY(categories)
                   UNION ALL SELECT 1 FROM report_ticket_facts WHERE workspace_id = $1 AND category = $2 LIMIT 1`,
      }[dimension];
      return (await connection.query(sql, [workspaceId, value])).rows.length > 0;
    },
  };
  return reports;
};

export type ReportRepository = ReturnType<typeof createReportRepository>;

/** Today's figures for the supervisor console: a handful of indexed counts over the local day so far. */
const queryToday = async (connection: SqlConnection, workspaceId: string, timeZone: string, now: Date) => {
  const local = localDateParts(now, timeZone);
  const start = localTimeToInstant(local, 0, timeZone);
  const params = sqlParams();
  const [w, s, n] = [params.add(workspaceId), params.add(start.toISOString()), params.add(now.toISOString())];
  const today = (column: string) => `${column} >= ${s}::timestamptz AND ${column} <= ${n}::timestamptz`;
  const done = 'coalesce(first_response_at, CASE WHEN is_resolved THEN resolved_at END)';
  const { rows } = await connection.query(
    `SELECT
       (SELECT count(*) FROM report_message_facts WHERE workspace_id = ${w} AND ${today('received_at')})::int AS received,
       (SELECT count(*) FROM report_ticket_facts WHERE workspace_id = ${w} AND ${today('opened_at')})::int AS opened,
       (SELECT count(*) FROM report_ticket_facts WHERE workspace_id = ${w} AND is_resolved AND ${today('resolved_at')})::int AS resolved,
       (SELECT count(*) FROM report_ticket_facts WHERE workspace_id = ${w} AND is_auto_resolved AND ${today('resolved_at')})::int AS auto_resolved,
       (SELECT count(*) FROM report_ticket_facts WHERE workspace_id = ${w} AND NOT is_resolved)::int AS open,
       (SELECT count(*) FROM report_ticket_facts WHERE workspace_id = ${w} AND NOT is_resolved AND first_response_at IS NULL)::int AS waiting,
       (SELECT extract(epoch FROM (${n}::timestamptz - min(opened_at))) / 60 FROM report_ticket_facts
          WHERE workspace_id = ${w} AND NOT is_resolved AND first_response_at IS NULL) AS oldest_waiting,
       (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY first_response_minutes) FROM report_ticket_facts
          WHERE workspace_id = ${w} AND ${today('first_response_at')}) AS fr_median,
       (SELECT count(*) FROM report_ticket_facts WHERE workspace_id = ${w} AND first_response_due_at IS NOT NULL
          AND ${today(done)})::int AS sla_done,
       (SELECT count(*) FROM report_ticket_facts WHERE workspace_id = ${w} AND ${today(done)}
          AND ${done} <= first_response_due_at)::int AS sla_met,
       (SELECT count(*) FROM events WHERE workspace_id = ${w} AND type = 'ticket.sla-breached'
          AND ${today('occurred_at')})::int AS breaches,
       (SELECT count(csat_score) FROM report_ticket_facts WHERE workspace_id = ${w} AND ${today('survey_answered_at')})::int AS csat_n,
       (SELECT count(*) FROM report_ticket_facts WHERE workspace_id = ${w} AND csat_score >= 4
          AND ${today('survey_answered_at')})::int AS csat_ok`,
    params.values,
  );
  const row = (rows[0] ?? {}) as Row;
  const csat = share(count(row.csat_ok), count(row.csat_n));
  return {
    date: `${local.year}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`,
    timeZone,
    messagesReceived: count(row.received),
    ticketsOpened: count(row.opened),
    ticketsResolved: count(row.resolved),
    autoResolved: count(row.auto_resolved),
    openTickets: count(row.open),
    waitingForFirstResponse: count(row.waiting),
    oldestWaitingMinutes: numberOrNull(row.oldest_waiting),
    firstResponseMedianMinutes: numberOrNull(row.fr_median),
    slaAttainment: share(count(row.sla_met), count(row.sla_done)),
    slaBreaches: count(row.breaches),
    csat: csat === null ? null : Math.round(csat * 10_000) / 100,
  };
};
