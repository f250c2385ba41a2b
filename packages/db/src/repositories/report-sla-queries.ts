import type { ReportWindow } from '@ascolta/core';
import type { SqlConnection } from '../sql/sql-driver.ts';
import { count, type Row, type SqlParams, share, sqlParams, statsOf, statsSql } from './report-sql.ts';
import { cohortSql } from './report-ticket-queries.ts';

/** The badge targets of the social networks, in calendar minutes (MISSION.md, seed 003). */
export const badges = {
  facebookVeryResponsive: { channelKinds: ['facebook', 'messenger'] as const, targetMinutes: 15, requiredShare: 0.9 },
  xWithinTwoHours: { channelKinds: ['x'] as const, targetMinutes: 120, requiredShare: 0.9 },
};

/**
 * Attainment columns. A ticket counts once it is decided: answered (or resolved without an answer, as the
 * SLA timer has it), or still unanswered past its due time at `now`. Met = done by the due time.
 */
const attainmentSql = (now: string) => {
  const done = 'coalesce(first_response_at, CASE WHEN is_resolved THEN resolved_at END)';
  return [
    `count(*) FILTER (WHERE first_response_due_at IS NOT NULL AND (${done} IS NOT NULL OR first_response_due_at < ${now}))::int AS fr_eligible`,
    `count(*) FILTER (WHERE ${done} <= first_response_due_at)::int AS fr_within`,
    `count(*) FILTER (WHERE resolution_due_at IS NOT NULL AND (is_resolved OR resolution_due_at < ${now}))::int AS res_eligible`,
    `count(*) FILTER (WHERE is_resolved AND resolved_at <= resolution_due_at)::int AS res_within`,
  ].join(', ');
};

const attainmentOf = (row: Row | undefined) => {
  const eligible = count(row?.fr_eligible);
  const within = count(row?.fr_within);
  const resolutionEligible = count(row?.res_eligible);
  const resolutionWithin = count(row?.res_within);
  return {
    eligible,
    withinTarget: within,
    attainment: share(within, eligible),
    resolutionEligible,
    resolutionWithinTarget: resolutionWithin,
    resolutionAttainment: share(resolutionWithin, resolutionEligible),
  };
};

const badgeSql = (name: keyof typeof badges, params: SqlParams, now: string) => {
  const badge = badges[name];
  // Our own constants, so written into the SQL rather than bound.
  const kinds = `channel_kind IN (${badge.channelKinds.map((kind) => `'${kind}'`).join(', ')})`;
  const target = params.add(badge.targetMinutes);
  return [
    `count(*) FILTER (WHERE ${kinds} AND (first_response_at IS NOT NULL OR opened_at + make_interval(mins => ${target}::int) < ${now}))::int AS "${name}_eligible"`,
    `count(*) FILTER (WHERE ${kinds} AND first_response_minutes <= ${target}::float8)::int AS "${name}_within"`,
  ].join(', ');
};

const badgeOf = (name: keyof typeof badges, row: Row | undefined) => {
  const badge = badges[name];
  const eligible = count(row?.[`${name}_eligible`]);
  const within = count(row?.[`${name}_within`]);
  const attained = share(within, eligible);
  return {
    channelKinds: [...badge.channelKinds],
    targetMinutes: badge.targetMinutes,
    requiredShare: badge.requiredShare,
    eligible,
    withinTarget: within,
    share: attained,
    isMet: attained === null ? null : attained >= badge.requiredShare,
  };
};

const names = async (connection: SqlConnection, table: 'agents' | 'teams' | 'sla_policies', workspaceId: string) => {
  const { rows } = await connection.query(`SELECT id, name FROM ${table} WHERE workspace_id = $1`, [workspaceId]);
  return new Map((rows as Row[]).map((row) => [String(row.id), String(row.name)]));
};

const countColumns = [
  'fr_eligible',
  'fr_within',
  'res_eligible',
  'res_within',
  ...Object.keys(badges).flatMap((name) => [`${name}_eligible`, `${name}_within`]),
];

/** Sums the count columns of the rows whose `key` column is the same: the roll-up of a finer GROUP BY. */
const rollUp = (rows: readonly Row[], key: string | null) => {
  const groups = new Map<unknown, Row>();
  for (const row of rows) {
    const id = key === null ? null : (row[key] ?? null);
    const sum = groups.get(id) ?? { [key ?? 'all']: id };
    for (const column of countColumns) sum[column] = count(sum[column]) + count(row[column]);
    groups.set(id, sum);
  }
  return [...groups.values()];
};

/**
 * SLA attainment overall and per policy, team and agent, plus the badge targets, over the cohort: one hash
 * aggregate by (policy, team, agent) — a few dozen rows — rolled up here, as the counts add up exactly.
 */
export const querySla = async (connection: SqlConnection, window: ReportWindow) => {
  const params = sqlParams();
  const now = `${params.add(window.now.toISOString())}::timestamptz`;
  const [{ rows }, policyNames, teamNames, agentNames] = await Promise.all([
    connection.query(
      `SELECT sla_policy_id, team_id, agent_id,
         ${attainmentSql(now)}, ${badgeSql('facebookVeryResponsive', params, now)},
         ${badgeSql('xWithinTwoHours', params, now)}
       FROM (${cohortSql(window, params)}) f
       GROUP BY 1, 2, 3`,
      params.values,
    ),
    names(connection, 'sla_policies', window.workspaceId),
    names(connection, 'teams', window.workspaceId),
    names(connection, 'agents', window.workspaceId),
  ]);
  const label = (id: unknown, known: Map<string, string>, none: string) =>
    id === null ? none : (known.get(String(id)) ?? String(id));
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const overall = rollUp(rows as Row[], null)[0];
  return {
    overall: attainmentOf(overall),
    policies: rollUp(rows as Row[], 'sla_policy_id')
      .map((row) => ({
        policyId: (row.sla_policy_id as string | null) ?? null,
        name: label(row.sla_policy_id, policyNames, 'No policy'),
        ...attainmentOf(row),
      }))
      .sort(byName),
    teams: rollUp(rows as Row[], 'team_id')
      .map((row) => ({
        teamId: (row.team_id as string | null) ?? null,
        name: label(row.team_id, teamNames, 'No team'),
        ...attainmentOf(row),
      }))
      .sort(byName),
    agents: rollUp(rows as Row[], 'agent_id')
      .map((row) => ({
        agentId: (row.agent_id as string | null) ?? null,
        name: label(row.agent_id, agentNames, 'Unassigned'),
        ...attainmentOf(row),
      }))
      .sort(byName),
    badges: {
      facebookVeryResponsive: badgeOf('facebookVeryResponsive', overall),
      xWithinTwoHours: badgeOf('xWithinTwoHours', overall),
    },
  };
};

/** Per assigned agent: handled, resolved, replies, durations, SLA and CSAT over the cohort. */
export const queryAgents = async (connection: SqlConnection, window: ReportWindow) => {
  const params = sqlParams();
  const now = `${params.add(window.now.toISOString())}::timestamptz`;
  const [{ rows }, agentNames] = await Promise.all([
    connection.query(
      `SELECT agent_id, count(*)::int AS handled, count(*) FILTER (WHERE is_resolved)::int AS resolved,
         coalesce(sum(human_interactions), 0)::int AS replies,
         ${statsSql('first_response_minutes', 'fr')}, ${statsSql('first_response_business_minutes', 'frb')},
         ${statsSql('resolution_minutes', 'res')}, ${statsSql('resolution_business_minutes', 'resb')},
         ${attainmentSql(now)},
         count(csat_score)::int AS csat_responses, count(*) FILTER (WHERE csat_score >= 4)::int AS csat_satisfied,
         avg(csat_score)::float8 AS csat_avg
       FROM (${cohortSql(window, params)}) f WHERE agent_id IS NOT NULL
       GROUP BY agent_id ORDER BY handled DESC, agent_id`,
      params.values,
    ),
    names(connection, 'agents', window.workspaceId),
  ]);
  return {
    items: (rows as Row[]).map((row) => {
      const responses = count(row.csat_responses);
      const csat = share(count(row.csat_satisfied), responses);
      return {
        agentId: String(row.agent_id),
        name: agentNames.get(String(row.agent_id)) ?? String(row.agent_id),
        handled: count(row.handled),
        resolved: count(row.resolved),
        replies: count(row.replies),
        firstResponse: { calendar: statsOf(row, 'fr'), business: statsOf(row, 'frb') },
        resolution: { calendar: statsOf(row, 'res'), business: statsOf(row, 'resb') },
        slaAttainment: attainmentOf(row).attainment,
        csat: csat === null ? null : Math.round(csat * 10_000) / 100,
        csatResponses: responses,
        averageCsatScore: row.csat_avg === null ? null : Math.round(Number(row.csat_avg) * 100) / 100,
      };
    }),
  };
};
