import { bucketStarts, type ReportWindow } from '@ascolta/core';

/** Positional parameters for one statement: `add` returns the `$n` to write in the SQL. */
export interface SqlParams {
  readonly values: unknown[];
  add(value: unknown): string;
}

export const sqlParams = (): SqlParams => {
  const values: unknown[] = [];
  return {
    values,
    add(value) {
      values.push(value);
      return `$${values.length}`;
    },
  };
};

/** `workspace_id = … AND channel_id = …`: the workspace and the filters a ticket fact row has. */
export const ticketFilterSql = (window: ReportWindow, params: SqlParams, alias = ''): string => {
  const { filters } = window;
  const clauses = [`${alias}workspace_id = ${params.add(window.workspaceId)}`];
  if (filters.channel !== undefined) clauses.push(`${alias}channel_id = ${params.add(filters.channel)}`);
  if (filters.category !== undefined) clauses.push(`${alias}category = ${params.add(filters.category)}`);
  if (filters.language !== undefined) clauses.push(`${alias}language = ${params.add(filters.language)}`);
  if (filters.team !== undefined) clauses.push(`${alias}team_id = ${params.add(filters.team)}`);
  if (filters.agent !== undefined) clauses.push(`${alias}agent_id = ${params.add(filters.agent)}`);
  if (filters.priorityBand !== undefined) clauses.push(`${alias}priority_band = ${params.add(filters.priorityBand)}`);
  return clauses.join(' AND ');
};

/**
 * The same for message fact rows, which know their channel always and their category and language only
 * when ignored by a recent pipeline; team, agent and priority belong to tickets and do not narrow messages.
 */
export const messageFilterSql = (window: ReportWindow, params: SqlParams): string => {
  const { filters } = window;
  const clauses = [`workspace_id = ${params.add(window.workspaceId)}`];
  if (filters.channel !== undefined) clauses.push(`channel_id = ${params.add(filters.channel)}`);
  if (filters.category !== undefined) clauses.push(`category = ${params.add(filters.category)}`);
  if (filters.language !== undefined) clauses.push(`language = ${params.add(filters.language)}`);
  return clauses.join(' AND ');
};

/**
 * The report's bucket starts (local midnights or hours, computed once in JS with the zone's DST rules) and the
 * SQL giving a row's bucket number, 1-based: a binary search in C instead of a zone conversion per row.
 */
export const bucketIndexSql = (column: string, window: ReportWindow, params: SqlParams) => {
  const starts = bucketStarts(window.start, window.end, window.bucket, window.timeZone);
  const sql = `width_bucket(${column}, ${params.add(starts.map((start) => start.toISOString()))}::timestamptz[])`;
  return { sql, starts };
};

/** The bucket an instant column falls in, truncated in the report's zone (PostgreSQL 12+ `date_trunc`). */
export const bucketSql = (column: string, window: ReportWindow, params: SqlParams): string =>
  `date_trunc(${params.add(window.bucket)}, ${column}, ${params.add(window.timeZone)})`;

/** Count, median and p90 (one sort: `percentile_cont` of an array, linear interpolation) and mean of a minutes column. */
export const statsSql = (column: string, prefix: string): string =>
  [
    `count(${column})::int AS ${prefix}_count`,
    `percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${column}) AS ${prefix}_percentiles`,
    `avg(${column})::float8 AS ${prefix}_avg`,
  ].join(', ');

export type Row = Record<string, unknown>;

const roundTo = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A number column that may be null (or a string, for bigint/numeric), rounded to 2 decimals. */
export const numberOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : roundTo(Number(value), 2);

export const count = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

export const statsOf = (row: Row | undefined, prefix: string) => {
  const percentiles = row?.[`${prefix}_percentiles`];
  const [median, p90] = Array.isArray(percentiles) ? percentiles : [null, null];
  return {
    count: count(row?.[`${prefix}_count`]),
    medianMinutes: numberOrNull(median),
    p90Minutes: numberOrNull(p90),
    averageMinutes: numberOrNull(row?.[`${prefix}_avg`]),
  };
};

export const share = (part: number, whole: number): number | null => (whole === 0 ? null : roundTo(part / whole, 4));

export const iso = (value: unknown): string => new Date(value as string | Date).toISOString();
export const isoOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : iso(value));
