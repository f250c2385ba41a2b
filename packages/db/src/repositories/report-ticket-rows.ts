import { DomainError, messageKinds, priorityBands, type ReportWindow } from '@ascolta/core';
import type { SqlConnection } from '../sql/sql-driver.ts';
import { bucketSql, iso, isoOrNull, numberOrNull, type Row, sqlParams, ticketFilterSql } from './report-sql.ts';
import { inRange } from './report-volume-queries.ts';

export interface TicketRowsOptions {
  limit: number;
  /** From a previous page's `nextCursor`. */
  cursor: string | null;
  /** Only the bucket starting at this instant. */
  bucketStart: Date | null;
  /** The backlog at the end of the range instead of the tickets opened in it. */
  isOpenAtEnd: boolean;
}

const encodeCursor = (openedAt: string, ticketId: string) =>
  Buffer.from(`${openedAt}|${ticketId}`).toString('base64url');

const decodeCursor = (cursor: string): [string, string] | null => {
  const [openedAt, ticketId] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (openedAt === undefined || ticketId === undefined || Number.isNaN(Date.parse(openedAt))) return null;
  return [openedAt, ticketId];
};

const kindOf = (value: unknown) => messageKinds.find((kind) => kind === value) ?? null;
const bandOf = (value: unknown) => priorityBands.find((band) => band === value) ?? 'normal';

const toTicketRow = (row: Row) => ({
  ticketId: String(row.ticket_id),
  ticketNumber: row.number === null || row.number === undefined ? null : Number(row.number),
  channelId: String(row.channel_id),
  channelKind: (row.channel_kind as string | null) ?? null,
  category: String(row.category),
  kind: kindOf(row.kind),
  language: (row.language as string | null) ?? null,
  priorityBand: bandOf(row.priority_band),
  teamId: (row.team_id as string | null) ?? null,
  agentId: (row.agent_id as string | null) ?? null,
  status: row.is_resolved === true ? ('resolved' as const) : ('open' as const),
  openedAt: iso(row.opened_at),
  firstResponseAt: isoOrNull(row.first_response_at),
  resolvedAt: isoOrNull(row.resolved_at),
  firstResponseMinutes: numberOrNull(row.first_response_minutes),
  firstResponseBusinessMinutes: numberOrNull(row.first_response_business_minutes),
  resolutionMinutes: numberOrNull(row.resolution_minutes),
  resolutionBusinessMinutes: numberOrNull(row.resolution_business_minutes),
  firstResponseSlaMet: (row.first_response_sla_met as boolean | null) ?? null,
  resolutionSlaMet: (row.resolution_sla_met as boolean | null) ?? null,
  interactions: Number(row.automated_messages) + Number(row.human_interactions),
  humanInteractions: Number(row.human_interactions),
  infoCollectedInOneInteraction: row.is_info_collected_in_one_interaction === true,
  isAutoResolved: row.is_auto_resolved === true,
  sentiment: numberOrNull(row.sentiment),
  csatScore: numberOrNull(row.csat_score),
  npsScore: numberOrNull(row.nps_score),
  surveyComment: (row.survey_comment as string | null) ?? null,
});

export type ReportTicketRow = ReturnType<typeof toTicketRow>;

/** The tickets behind a figure, oldest first, one page at a time (keyset on opened_at, ticket id). */
export const queryTicketRows = async (connection: SqlConnection, window: ReportWindow, options: TicketRowsOptions) => {
  const params = sqlParams();
  const clauses = [ticketFilterSql(window, params, 'f.')];
  if (options.isOpenAtEnd) {
    const end = `${params.add(window.end.toISOString())}::timestamptz`;
    clauses.push(`f.opened_at < ${end}`, `NOT (f.is_resolved AND f.resolved_at < ${end})`);
  } else {
    clauses.push(inRange('f.opened_at', window, params));
  }
  if (options.bucketStart !== null) {
    clauses.push(
      `${bucketSql('f.opened_at', window, params)} = ${params.add(options.bucketStart.toISOString())}::timestamptz`,
    );
  }
  const after = options.cursor === null ? null : decodeCursor(options.cursor);
  if (options.cursor !== null && after === null) {
    throw new DomainError('invalid-input', 'cursor: not a cursor from this list; pass back `nextCursor` as it came.');
  }
  if (after !== null) {
    clauses.push(`(f.opened_at, f.ticket_id) > (${params.add(after[0])}::timestamptz, ${params.add(after[1])})`);
  }
  const { rows } = await connection.query(
    `SELECT f.*, t.number FROM report_ticket_facts f
     LEFT JOIN tickets t ON t.workspace_id = f.workspace_id AND t.id = f.ticket_id
     WHERE ${clauses.join(' AND ')}
     ORDER BY f.opened_at, f.ticket_id LIMIT ${params.add(options.limit + 1)}`,
    params.values,
  );
  const items = (rows as Row[]).slice(0, options.limit).map(toTicketRow);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > options.limit && last !== undefined ? encodeCursor(last.openedAt, last.ticketId) : null,
  };
};
