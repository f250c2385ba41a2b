import {
  createProjectionContext,
  type MessageFactChange,
  type ProjectionContext,
  type ReportEvent,
  type ReportProjectionStore,
  type Repositories,
  type TicketFacts,
} from '@ascolta/core';
import type { SqlConnection } from '../sql/sql-driver.ts';

/** The report projection's row in `event_cursors`: one for all workspaces, as sequences are global. */
const consumer = 'reports';
const allWorkspaces = '*';
// Rows per statement: one JSON parameter each, well under any parameter or packet limit.
const chunkSize = 1000;

const chunks = <T>(items: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += chunkSize) out.push(items.slice(index, index + chunkSize));
  return out;
};

interface EventRow {
  sequence: string | number;
  workspace_id: string;
  type: string;
  ticket_id: string | null;
  actor: { type?: unknown; agentId?: unknown } | null;
  data: Record<string, unknown> | null;
  occurred_at: Date;
}

const toReportEvent = (row: EventRow): ReportEvent => ({
  sequence: Number(row.sequence),
  workspaceId: row.workspace_id,
  type: row.type,
  ticketId: row.ticket_id,
  actorType: typeof row.actor?.type === 'string' ? row.actor.type : 'system',
  actorAgentId: typeof row.actor?.agentId === 'string' ? row.actor.agentId : null,
  occurredAt: new Date(row.occurred_at),
  data: row.data ?? {},
});

const eventColumns = 'sequence, workspace_id, type, ticket_id, actor, data, occurred_at';

/** Column name and SQL type of each fact, in table order: the JSON record set of the upsert. */
const factColumns: ReadonlyArray<[keyof TicketFacts, string, string]> = [
  ['workspaceId', 'workspace_id', 'text'],
  ['ticketId', 'ticket_id', 'text'],
  ['channelId', 'channel_id', 'text'],
  ['channelKind', 'channel_kind', 'text'],
  ['category', 'category', 'text'],
  ['kind', 'kind', 'text'],
  ['language', 'language', 'text'],
  ['priorityBand', 'priority_band', 'text'],
  ['sentiment', 'sentiment', 'real'],
  ['keywords', 'keywords', 'text[]'],
  ['teamId', 'team_id', 'text'],
  ['agentId', 'agent_id', 'text'],
  ['incidentId', 'incident_id', 'text'],
  ['openedAt', 'opened_at', 'timestamptz'],
  ['firstResponseAt', 'first_response_at', 'timestamptz'],
  ['firstResponseMinutes', 'first_response_minutes', 'float8'],
  ['firstResponseBusinessMinutes', 'first_response_business_minutes', 'float8'],
  ['isFirstResponseAutomated', 'is_first_response_automated', 'boolean'],
  ['isResolved', 'is_resolved', 'boolean'],
  ['resolvedAt', 'resolved_at', 'timestamptz'],
  ['resolutionMinutes', 'resolution_minutes', 'float8'],
  ['resolutionBusinessMinutes', 'resolution_business_minutes', 'float8'],
  ['isAutoResolved', 'is_auto_resolved', 'boolean'],
  ['isAutoAnswered', 'is_auto_answered', 'boolean'],
  ['slaPolicyId', 'sla_policy_id', 'text'],
  ['firstResponseDueAt', 'first_response_due_at', 'timestamptz'],
  ['resolutionDueAt', 'resolution_due_at', 'timestamptz'],
  ['firstResponseSlaMet', 'first_response_sla_met', 'boolean'],
  ['resolutionSlaMet', 'resolution_sla_met', 'boolean'],
  ['slaBreaches', 'sla_breaches', 'integer'],
  ['isInfoRequested', 'is_info_requested', 'boolean'],
  ['isInfoCollectedInOneInteraction', 'is_info_collected_in_one_interaction', 'boolean'],
  ['automatedMessages', 'automated_messages', 'integer'],
  ['humanInteractions', 'human_interactions', 'integer'],
  ['csatScore', 'csat_score', 'real'],
  ['npsScore', 'nps_score', 'real'],
  ['surveyComment', 'survey_comment', 'text'],
  ['surveyKind', 'survey_kind', 'text'],
  ['surveyAnsweredAt', 'survey_answered_at', 'timestamptz'],
  ['lastSequence', 'last_sequence', 'bigint'],
];

const factNames = factColumns.map(([, column]) => column).join(', ');
const factRecord = factColumns.map(([, column, type]) => `${column} ${type}`).join(', ');
const factUpdates = factColumns
  .filter(([, column]) => column !== 'workspace_id' && column !== 'ticket_id')
  .map(([, column]) => `${column} = excluded.${column}`)
  .join(', ');

const upsertFacts = `
  INSERT INTO report_ticket_facts (${factNames})
  SELECT ${factNames} FROM jsonb_to_recordset($1::jsonb) AS r(${factRecord})
  ON CONFLICT (workspace_id, ticket_id) DO UPDATE SET ${factUpdates}
  WHERE report_ticket_facts.last_sequence <= excluded.last_sequence`;

const factJson = (facts: TicketFacts) =>
  Object.fromEntries(factColumns.map(([key, column]) => [column, facts[key] ?? null]));

const insertReceived = `
  INSERT INTO report_message_facts (workspace_id, message_id, channel_id, received_at, outcome, last_sequence)
  SELECT workspace_id, message_id, channel_id, received_at, 'received', last_sequence
  FROM jsonb_to_recordset($1::jsonb)
    AS r(workspace_id text, message_id text, channel_id text, received_at timestamptz, last_sequence bigint)
  ON CONFLICT (workspace_id, message_id) DO NOTHING`;

const updateDecided = `
  UPDATE report_message_facts AS m
  SET outcome = r.outcome, ignored_reason = r.ignored_reason, kind = coalesce(r.kind, m.kind),
      category = coalesce(r.category, m.category), language = coalesce(r.language, m.language),
      last_sequence = r.last_sequence
  FROM jsonb_to_recordset($1::jsonb) AS r(workspace_id text, message_id text, outcome text,
    ignored_reason text, kind text, category text, language text, last_sequence bigint)
  WHERE m.workspace_id = r.workspace_id AND m.message_id = r.message_id AND m.last_sequence <= r.last_sequence`;

/** Received rows first, then each message's last decision (one UPDATE cannot apply two to one row). */
const applyChanges = async (connection: SqlConnection, changes: readonly MessageFactChange[]) => {
  const received = changes.flatMap((change) =>
    change.kind === 'received'
      ? [
          {
            workspace_id: change.workspaceId,
            message_id: change.messageId,
            channel_id: change.channelId,
            received_at: change.receivedAt.toISOString(),
            last_sequence: change.sequence,
          },
        ]
      : [],
  );
  const decided = new Map<string, Record<string, unknown>>();
  for (const change of changes) {
    if (change.kind !== 'decided') continue;
    decided.set(`${change.workspaceId}/${change.messageId}`, {
      workspace_id: change.workspaceId,
      message_id: change.messageId,
      outcome: change.outcome,
      ignored_reason: change.ignoredReason,
      kind: change.messageKind,
      category: change.category,
      language: change.language,
      last_sequence: change.sequence,
    });
  }
  for (const chunk of chunks(received)) await connection.query(insertReceived, [JSON.stringify(chunk)]);
  for (const chunk of chunks([...decided.values()])) await connection.query(updateDecided, [JSON.stringify(chunk)]);
};

/** The report projection over SQL: raw event rows in, upserted facts out. */
export const createReportProjectionRepository = (
  connection: SqlConnection,
  repos: Pick<Repositories, 'slaPolicies' | 'businessHours' | 'channels'>,
): ReportProjectionStore => ({
  async readCursor() {
    const { rows } = await connection.query(
      'SELECT last_sequence, gap_seen_at FROM event_cursors WHERE consumer = $1 AND workspace_id = $2',
      [consumer, allWorkspaces],
    );
    const row = rows[0] as { last_sequence: string | number; gap_seen_at: Date | null } | undefined;
    return {
      lastSequence: row === undefined ? 0 : Number(row.last_sequence),
      gapSeenAt: row?.gap_seen_at ? new Date(row.gap_seen_at) : null,
    };
  },
  async writeCursor(cursor) {
    await connection.query(
      `INSERT INTO event_cursors (consumer, workspace_id, last_sequence, gap_seen_at, updated_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (consumer, workspace_id) DO UPDATE SET
         gap_seen_at = CASE WHEN excluded.last_sequence >= event_cursors.last_sequence
                            THEN excluded.gap_seen_at ELSE event_cursors.gap_seen_at END,
         last_sequence = greatest(event_cursors.last_sequence, excluded.last_sequence),
         updated_at = now()`,
      [consumer, allWorkspaces, cursor.lastSequence, cursor.gapSeenAt?.toISOString() ?? null],
    );
  },
  async readEventsAfter(afterSequence, limit) {
    const { rows } = await connection.query(
      `SELECT ${eventColumns} FROM events WHERE sequence > $1 ORDER BY sequence LIMIT $2`,
      [afterSequence, limit],
    );
    return (rows as EventRow[]).map(toReportEvent);
  },
  async readTicketEvents(workspaceId, ticketIds, throughSequence) {
    if (ticketIds.length === 0) return [];
    const { rows } = await connection.query(
      `SELECT ${eventColumns} FROM events
       WHERE workspace_id = $1 AND ticket_id = ANY($2::text[]) AND sequence <= $3
       ORDER BY sequence`,
      [workspaceId, ticketIds, throughSequence],
    );
    return (rows as EventRow[]).map(toReportEvent);
  },
  async writeTicketFacts(facts) {
    for (const chunk of chunks(facts)) await connection.query(upsertFacts, [JSON.stringify(chunk.map(factJson))]);
  },
  applyMessageChanges: (changes) => applyChanges(connection, changes),
  async loadContext(workspaceId): Promise<ProjectionContext> {
    const [policies, calendars, channels] = await Promise.all([
      repos.slaPolicies.list(workspaceId),
      repos.businessHours.list(workspaceId),
      repos.channels.list(workspaceId),
    ]);
    return createProjectionContext(policies, calendars, channels);
  },
});
