import type { Store } from '@ascolta/core';
import { driverOf } from '../store/store-internals.ts';

export interface SyntheticReportLoad {
  workspaceId: string;
  /** Exactly this many events are inserted (the latest are cut off). */
  events: number;
  start: Date;
  days: number;
  channelIds: readonly string[];
  agentIds: readonly string[];
  teamIds: readonly string[];
}

// Events per ticket on average with the shares below (≈ 8.5), rounded down so enough rows are generated.
const eventsPerTicket = 8;

/**
 * Inserts a realistic event log in one SQL statement (generate_series, no round trips per event), for the
 * reports benchmark: per ticket a received message, opening, priority, assignment, bot acknowledgement,
 * an agent reply (90%), the sent message, a resolution (80%), a survey answer (25%), and for one ticket in
 * three an ignored message. Times spread evenly over `days` from `start`, in sequence order.
 */
export const insertSyntheticReportEvents = async (store: Store, load: SyntheticReportLoad): Promise<number> => {
  const tickets = Math.ceil(load.events / eventsPerTicket);
  const spacingSeconds = (load.days * 86_400) / tickets;
  const { connection } = driverOf(store);
  const arrays = (values: readonly string[]) =>
    `ARRAY[${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(',')}]`;
  await connection.query(
    `WITH t AS (
       SELECT i, $1::timestamptz + make_interval(secs => (i - 1) * $2::float8) AS opened_at,
         (${arrays(load.channelIds)})[1 + i % ${load.channelIds.length}] AS channel_id,
         (${arrays(load.agentIds)})[1 + (i * 7) % ${load.agentIds.length}] AS agent_id,
         (${arrays(load.teamIds)})[1 + i % ${load.teamIds.length}] AS team_id,
         (ARRAY['billing','delivery','technical','account','returns','product-info','cancellation','other'])[1 + (i * 3) % 8] AS category,
         (ARRAY['complaint','question','request'])[1 + i % 3] AS kind,
         (ARRAY['low','normal','normal','normal','high','urgent'])[1 + i % 6] AS band,
         (i * 13) % 240 AS frt, (i * 29) % 2880 AS handling
       FROM generate_series(1, $3::int) AS i),
     e AS (
       SELECT t.i, k, CASE k
           WHEN 0 THEN 'message.received' WHEN 1 THEN 'ticket.opened' WHEN 2 THEN 'ticket.prioritised'
           WHEN 3 THEN 'ticket.assigned' WHEN 4 THEN 'message.sent' WHEN 5 THEN 'ticket.replied'
           WHEN 6 THEN 'message.sent' WHEN 7 THEN 'ticket.resolved' WHEN 8 THEN 'survey.answered'
           WHEN 9 THEN 'message.received' ELSE 'message.ignored' END AS type,
         CASE WHEN k IN (0, 9, 10) THEN NULL ELSE 't' || t.i END AS ticket_id,
         CASE WHEN k IN (5, 6, 7) THEN jsonb_build_object('type', 'agent', 'agentId', t.agent_id)
              ELSE '{"type":"system"}'::jsonb END AS actor,
         CASE k
           WHEN 0 THEN jsonb_build_object('messageId', 'm' || t.i, 'channelId', t.channel_id)
           WHEN 1 THEN jsonb_build_object('category', t.category, 'priorityBand', t.band, 'channelId', t.channel_id,
             'kind', t.kind, 'language', CASE WHEN t.i % 4 = 0 THEN 'en' ELSE 'it' END,
             'sentiment', ((t.i * 37) % 200 - 100) / 100.0,
             'keywords', jsonb_build_array('word' || (t.i % 50), 'topic' || (t.i % 13)))
           WHEN 2 THEN jsonb_build_object('score', (t.i * 17) % 100, 'band', t.band)
           WHEN 3 THEN jsonb_build_object('agentId', t.agent_id, 'teamId', t.team_id, 'reason', 'rule')
           WHEN 4 THEN jsonb_build_object('messageId', 'a' || t.i, 'channelId', t.channel_id, 'isAutomated', true,
             'purpose', 'acknowledgement')
           WHEN 5 THEN jsonb_build_object('messageIds', jsonb_build_array('r' || t.i), 'visibility', 'public')
           WHEN 6 THEN jsonb_build_object('messageId', 'r' || t.i, 'channelId', t.channel_id, 'isAutomated', false)
           WHEN 7 THEN jsonb_build_object('isAutomated', false)
           WHEN 8 THEN CASE WHEN t.i % 2 = 0
             THEN jsonb_build_object('surveyId', 's' || t.i, 'score', 1 + t.i % 5, 'kind', 'csat')
             ELSE jsonb_build_object('surveyId', 's' || t.i, 'score', t.i % 11, 'kind', 'nps', 'comment', 'ok ' || t.i) END
           WHEN 9 THEN jsonb_build_object('messageId', 'n' || t.i, 'channelId', t.channel_id)
           ELSE jsonb_build_object('messageId', 'n' || t.i, 'reason', 'not-actionable') END AS data,
         t.opened_at + make_interval(mins => CASE k
           WHEN 3 THEN 1 WHEN 4 THEN 1 WHEN 5 THEN t.frt WHEN 6 THEN t.frt + 1 WHEN 7 THEN t.frt + t.handling
           WHEN 8 THEN t.frt + t.handling + 30 WHEN 9 THEN 7 WHEN 10 THEN 7 ELSE 0 END) AS occurred_at
       FROM t CROSS JOIN generate_series(0, 10) AS k
       WHERE (k NOT IN (5, 6) OR t.i % 10 <> 0) AND (k <> 7 OR t.i % 5 <> 0)
         AND (k <> 8 OR (t.i % 4 = 0 AND t.i % 5 <> 0)) AND (k < 9 OR t.i % 3 = 0))
     INSERT INTO events (id, workspace_id, type, ticket_id, customer_id, actor, data, occurred_at)
     SELECT 'syn-' || i || '-' || k, $4, type, ticket_id, NULL, actor, data, occurred_at
     FROM e ORDER BY occurred_at, i, k LIMIT $5`,
    [load.start.toISOString(), spacingSeconds, tickets, load.workspaceId, load.events],
  );
  const { rows } = await connection.query('SELECT count(*)::int AS n FROM events WHERE workspace_id = $1', [
    load.workspaceId,
  ]);
  return Number((rows[0] as { n: number }).n);
};
