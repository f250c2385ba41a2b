import type { ReportWindow } from '@ascolta/core';
import type { SqlConnection } from '../sql/sql-driver.ts';
import { bucketIndexSql, count, messageFilterSql, type Row, share, sqlParams, ticketFilterSql } from './report-sql.ts';

const inRange = (column: string, window: ReportWindow, params: ReturnType<typeof sqlParams>) =>
  `${column} >= ${params.add(window.start.toISOString())} AND ${column} < ${params.add(window.end.toISOString())}`;

export { inRange };

const add = (counts: Record<string, number>, key: string, value: number) => {
  counts[key] = (counts[key] ?? 0) + value;
};

const emptyBucket = (start: Date) => ({
  start: start.toISOString(),
  ticketsOpened: 0,
  messagesReceived: 0,
  messagesIgnored: 0,
  byChannel: {} as Record<string, number>,
  byKind: {} as Record<string, number>,
  byCategory: {} as Record<string, number>,
});

/**
 * Tickets opened per bucket by channel, kind and category, and messages per bucket: one hash aggregate per
 * table at the finest grain (a few thousand rows at most), rolled up here; counts add up exactly.
 */
export const queryVolume = async (connection: SqlConnection, window: ReportWindow) => {
  const tp = sqlParams();
  const ticketBucket = bucketIndexSql('opened_at', window, tp);
  const ticketSql = `
    SELECT ${ticketBucket.sql} AS bucket, channel_id, coalesce(kind, 'unknown') AS kind, category,
           coalesce(channel_kind, 'unknown') AS channel_kind, count(*)::int AS n
    FROM report_ticket_facts WHERE ${ticketFilterSql(window, tp)} AND ${inRange('opened_at', window, tp)}
    GROUP BY 1, 2, 3, 4, 5`;
  const mp = sqlParams();
  const messageBucket = bucketIndexSql('received_at', window, mp);
  const messageSql = `
    SELECT ${messageBucket.sql} AS bucket, outcome, count(*)::int AS n
    FROM report_message_facts WHERE ${messageFilterSql(window, mp)} AND ${inRange('received_at', window, mp)}
    GROUP BY 1, 2`;
  const [tickets, messages] = await Promise.all([
    connection.query(ticketSql, tp.values),
    connection.query(messageSql, mp.values),
  ]);
  const buckets = ticketBucket.starts.map(emptyBucket);
  const totals = {
    ticketsOpened: 0,
    messagesReceived: 0,
    byChannel: {} as Record<string, number>,
    byChannelKind: {} as Record<string, number>,
    byKind: {} as Record<string, number>,
    byCategory: {} as Record<string, number>,
  };
  for (const row of tickets.rows as Row[]) {
    const n = count(row.n);
    const bucket = buckets[Number(row.bucket) - 1];
    totals.ticketsOpened += n;
    add(totals.byChannel, String(row.channel_id), n);
    add(totals.byChannelKind, String(row.channel_kind), n);
    add(totals.byKind, String(row.kind), n);
    add(totals.byCategory, String(row.category), n);
    if (bucket === undefined) continue;
    bucket.ticketsOpened += n;
    add(bucket.byChannel, String(row.channel_id), n);
    add(bucket.byKind, String(row.kind), n);
    add(bucket.byCategory, String(row.category), n);
  }
  for (const row of messages.rows as Row[]) {
    const n = count(row.n);
    const bucket = buckets[Number(row.bucket) - 1];
    totals.messagesReceived += n;
    if (bucket === undefined) continue;
    bucket.messagesReceived += n;
    if (row.outcome === 'ignored') bucket.messagesIgnored += n;
  }
  return { totals, buckets };
};

/** Inbound messages by outcome, and the ignored ones by reason. */
export const queryTriage = async (connection: SqlConnection, window: ReportWindow) => {
  const params = sqlParams();
  const { rows } = await connection.query(
    `SELECT outcome, ignored_reason, count(*)::int AS n FROM report_message_facts
     WHERE ${messageFilterSql(window, params)} AND ${inRange('received_at', window, params)}
     GROUP BY 1, 2`,
    params.values,
  );
  let received = 0;
  let ignored = 0;
  let failed = 0;
  const reasons: Record<string, number> = {};
  for (const row of rows as Row[]) {
    const n = count(row.n);
    received += n;
    if (row.outcome === 'ignored') {
      ignored += n;
      add(reasons, String(row.ignored_reason ?? 'unknown'), n);
    } else if (row.outcome === 'failed') failed += n;
  }
  const actionable = received - ignored - failed;
  return {
    messagesReceived: received,
    actionable,
    ignored,
    failed,
    actionableShare: share(actionable, received),
    ignoredReasons: Object.entries(reasons)
      .map(([reason, n]) => ({ reason, count: n }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
  };
};
