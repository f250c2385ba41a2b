import type { ReportWindow } from '@ascolta/core';
import type { SqlConnection } from '../sql/sql-driver.ts';
import { count, iso, isoOrNull, type Row, sqlParams, ticketFilterSql } from './report-sql.ts';
import { inRange } from './report-volume-queries.ts';

const risingShown = 10;

/** The period of the same length just before the range: what "rising" compares with. */
const previousWindow = (window: ReportWindow): ReportWindow => {
  const length = window.end.getTime() - window.start.getTime();
  return { ...window, start: new Date(window.start.getTime() - length), end: window.start };
};

const rising = (rows: Row[], key: string) =>
  rows
    .map((row) => ({ key: String(row[key]), current: count(row.current), previous: count(row.previous) }))
    .filter((row) => row.current > row.previous)
    .map((row) => ({ ...row, change: row.current - row.previous }))
    .sort((a, b) => b.change - a.change || b.current - a.current || a.key.localeCompare(b.key))
    .slice(0, risingShown);

/** Categories and keywords of the tickets opened in the range against the period before; `change` is the count difference. */
export const queryRising = async (connection: SqlConnection, window: ReportWindow) => {
  const params = sqlParams();
  const before = previousWindow(window);
  const start = params.add(window.start.toISOString());
  const where = `${ticketFilterSql(window, params)} AND opened_at >= ${params.add(before.start.toISOString())}
    AND opened_at < ${params.add(window.end.toISOString())}`;
  const period = `(opened_at >= ${start}::timestamptz)`;
  const [topics, keywords] = await Promise.all([
    connection.query(
      `SELECT category, count(*) FILTER (WHERE ${period})::int AS current,
         count(*) FILTER (WHERE NOT ${period})::int AS previous
       FROM report_ticket_facts WHERE ${where} GROUP BY category`,
      params.values,
    ),
    connection.query(
      `SELECT keyword, count(*) FILTER (WHERE ${period})::int AS current,
         count(*) FILTER (WHERE NOT ${period})::int AS previous
       FROM report_ticket_facts, unnest(keywords) AS keyword WHERE ${where} GROUP BY keyword`,
      params.values,
    ),
  ]);
  return {
    risingTopics: rising(topics.rows as Row[], 'category').map(({ key, ...rest }) => ({ category: key, ...rest })),
    risingKeywords: rising(keywords.rows as Row[], 'keyword').map(({ key, ...rest }) => ({ keyword: key, ...rest })),
  };
};

/**
 * Incidents opened in the range (from the event log: `incident.opened`, `incident.solution-published`);
 * the tickets joined to each are counted on the tickets, where the link is kept. Only the category filter applies.
 */
export const queryIncidents = async (connection: SqlConnection, window: ReportWindow) => {
  const params = sqlParams();
  const category =
    window.filters.category === undefined ? '' : `AND o.data->>'category' = ${params.add(window.filters.category)}`;
  const { rows } = await connection.query(
    `SELECT o.data->>'incidentId' AS incident_id, o.data->>'category' AS category, o.occurred_at,
       (SELECT min(p.occurred_at) FROM events p WHERE p.workspace_id = o.workspace_id
          AND p.type = 'incident.solution-published' AND p.data->>'incidentId' = o.data->>'incidentId') AS published_at,
       (SELECT count(*) FROM tickets t WHERE t.workspace_id = o.workspace_id
          AND t.incident_id = o.data->>'incidentId')::int AS tickets
     FROM events o
     WHERE o.workspace_id = ${params.add(window.workspaceId)} AND o.type = 'incident.opened'
       AND ${inRange('o.occurred_at', window, params)} ${category}
     ORDER BY o.occurred_at`,
    params.values,
  );
  const items = (rows as Row[]).map((row) => ({
    incidentId: String(row.incident_id),
    category: String(row.category ?? 'other'),
    openedAt: iso(row.occurred_at),
    solutionPublishedAt: isoOrNull(row.published_at),
    tickets: count(row.tickets),
  }));
  return {
    opened: items.length,
    solutionsPublished: items.filter((item) => item.solutionPublishedAt !== null).length,
    items,
  };
};
