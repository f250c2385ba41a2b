import { bucketStarts, type ReportWindow } from '@ascolta/core';
import type { SqlConnection } from '../sql/sql-driver.ts';
import { bucketSql, count, messageFilterSql, type Row, share, sqlParams, ticketFilterSql } from './report-sql.ts';

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

/** Tickets opened per bucket by channel, kind and category (one scan, grouping sets), and messages per bucket. */
export const queryVolume = async (connection: SqlConnection, window: ReportWindow) => {
  const tp = sqlParams();
  const ticketSql = `
    SELECT b, channel_id, kind, category, channel_kind,
           grouping(b, channel_id, kind, category, channel_kind)::int AS g, count(*)::int AS n
    FROM (SELECT ${bucketSql('opened_at', window, tp)} AS b, channel_id, coalesce(kind, 'unknown') AS kind,
                 category, coalesce(channel_kind, 'unknown') AS channel_kind
          FROM report_ticket_facts WHERE ${ticketFilterSql(window, tp)} AND ${inRange('opened_at', window, tp)}) f
    GROUP BY GROUPING SETS ((b), (b, channel_id), (b, kind), (b, category), (channel_kind))`;
  const mp = sqlParams();
  const messageSql = `
    SELECT ${bucketSql('received_at', window, mp)} AS b, outcome, count(*)::int AS n
    FROM report_message_facts WHERE ${messageFilterSql(window, mp)} AND ${inRange('received_at', window, mp)}
    GROUP BY 1, 2`;
  const [tickets, messages] = await Promise.all([
    connection.query(ticketSql, tp.values),
    connection.query(messageSql, mp.values),
  ]);
  const buckets = new Map(
    bucketStarts(window.start, window.end, window.bucket, window.timeZone).map((start) => [
      start.getTime(),
      emptyBucket(start),
    ]),
  );
  const totals = {
    ticketsOpened: 0,
    messagesReceived: 0,
    byChannel: {} as Record<string, number>,
    byChannelKind: {} as Record<string, number>,
    byKind: {} as Record<string, number>,
    byCategory: {} as Record<string, number>,
  };
  // grouping() bits, b first: 0b01111 = (b) alone, 0b00111 = (b, channel_id), 0b11110 = (channel_kind).
  for (const row of tickets.rows as Row[]) {
    const n = count(row.n);
    const g = Number(row.g);
    if (g === 0b11110) {
      add(totals.byChannelKind, String(row.channel_kind), n);
      continue;
    }
    const bucket = buckets.get(new Date(row.b as string).getTime());
    if (g === 0b01111) {
      totals.ticketsOpened += n;
      if (bucket) bucket.ticketsOpened += n;
    } else if (g === 0b00111) {
      add(totals.byChannel, String(row.channel_id), n);
      if (bucket) add(bucket.byChannel, String(row.channel_id), n);
    } else if (g === 0b01011) {
      add(totals.byKind, String(row.kind), n);
      if (bucket) add(bucket.byKind, String(row.kind), n);
    } else if (g === 0b01101) {
      add(totals.byCategory, String(row.category), n);
      if (bucket) add(bucket.byCategory, String(row.category), n);
    }
  }
  for (const row of messages.rows as Row[]) {
    const n = count(row.n);
    const bucket = buckets.get(new Date(row.b as string).getTime());
    totals.messagesReceived += n;
    if (bucket === undefined) continue;
    bucket.messagesReceived += n;
    if (row.outcome === 'ignored') bucket.messagesIgnored += n;
  }
  return { totals, buckets: [...buckets.values()] };
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
