import { channelKinds, messageKinds, priorityBands, surveyKinds } from '@ascolta/core';
import { z } from 'zod';

/**
 * The reports API (`GET /api/v1/reports/<name>`): figures computed from the append-only event log through
 * the report projection (ADR 0008). Durations are minutes (calendar, or business minutes of the workspace's
 * SLA calendar); shares are 0..1; instants are ISO 8601 UTC; buckets start at local midnight (or the local
 * hour) of the requested time zone.
 */

export const reportNames = [
  'overview',
  'volume',
  'triage',
  'response-times',
  'sla',
  'backlog',
  'automation',
  'sentiment',
  'incidents',
  'agents',
  'satisfaction',
  'business-case',
] as const;
export type ReportName = (typeof reportNames)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    'not a calendar date',
  );

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** Longest range one request may cover; hourly buckets stop earlier so a chart stays readable. */
export const maxReportDays = 400;
export const maxHourlyReportDays = 31;

const daysBetween = (from: string, to: string): number =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;

/** Filters every report accepts; each narrows the tickets (and, where the dimension exists, the messages). */
export const reportFilterFields = {
  channel: z.string().min(1).max(100).optional().describe('channel id'),
  category: z.string().min(1).max(100).optional(),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, 'an ISO 639-1 language code such as `it`')
    .optional(),
  team: z.string().min(1).max(100).optional().describe('team id'),
  agent: z.string().min(1).max(100).optional().describe('agent id (the assignee)'),
  priorityBand: z.enum(priorityBands).optional(),
};

const reportQueryShape = z.object({
  /** First local day of the range, inclusive. */
  from: isoDate,
  /** Last local day of the range, inclusive. */
  to: isoDate,
  /** IANA zone the days and buckets are counted in; default: the workspace's zone. */
  timeZone: z.string().max(64).refine(isTimeZone, 'an IANA time zone such as `Europe/Rome`').optional(),
  bucket: z.enum(['day', 'hour']).default('day'),
  format: z.enum(['json', 'csv']).optional(),
  ...reportFilterFields,
});

const checkRange = (query: { from: string; to: string; bucket: 'day' | 'hour' }, ctx: z.RefinementCtx) => {
  const days = daysBetween(query.from, query.to);
  if (days < 1) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: '`to` must not be before `from`' });
  } else if (days > maxReportDays) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `the range may cover at most ${maxReportDays} days` });
  } else if (query.bucket === 'hour' && days > maxHourlyReportDays) {
    ctx.addIssue({
      code: 'custom',
      path: ['bucket'],
      message: `hourly buckets cover at most ${maxHourlyReportDays} days; use bucket=day`,
    });
  }
};

export const reportQuery = reportQueryShape.superRefine(checkRange);
export type ReportQuery = z.infer<typeof reportQuery>;

/** The drill-down and CSV export: the tickets behind a figure, one row each. */
export const reportTicketsQuery = reportQueryShape
  .extend({
    cursor: z.string().max(512).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    /** Only tickets opened in the bucket starting here (an ISO instant from a report's `buckets[].start`). */
    bucketStart: z.iso.datetime({ offset: true }).optional(),
    /** Only tickets still open at the end of the range (the backlog). */
    openAtEnd: z.enum(['true', 'false']).optional(),
  })
  .superRefine(checkRange);
export type ReportTicketsQuery = z.infer<typeof reportTicketsQuery>;

export const reportTodayQuery = z.object({
  timeZone: reportQueryShape.shape.timeZone,
});

const counts = z.record(z.string(), z.number().int());
const nullableMinutes = z.number().nullable();

export const durationStatsDto = z.object({
  /** Tickets with this duration in the range. */
  count: z.number().int(),
  medianMinutes: nullableMinutes,
  p90Minutes: nullableMinutes,
  averageMinutes: nullableMinutes,
});
export type DurationStatsDto = z.infer<typeof durationStatsDto>;

const calendarAndBusiness = z.object({ calendar: durationStatsDto, business: durationStatsDto });

export const reportMetaDto = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  bucket: z.enum(['day', 'hour']),
  /** The instants the local range maps to: `[rangeStart, rangeEnd)`. */
  rangeStart: z.iso.datetime(),
  rangeEnd: z.iso.datetime(),
  filters: z.record(z.string(), z.string()),
  /** The projection has folded the event log up to this sequence. */
  projectedThroughSequence: z.number().int(),
  generatedAt: z.iso.datetime(),
});

export const volumeReportDto = z.object({
  totals: z.object({
    ticketsOpened: z.number().int(),
    messagesReceived: z.number().int(),
    byChannel: counts,
    byChannelKind: counts,
    byKind: counts,
    byCategory: counts,
  }),
  buckets: z.array(
    z.object({
      start: z.iso.datetime(),
      ticketsOpened: z.number().int(),
      messagesReceived: z.number().int(),
      messagesIgnored: z.number().int(),
      byChannel: counts,
      byKind: counts,
      byCategory: counts,
    }),
  ),
});

export const triageReportDto = z.object({
  messagesReceived: z.number().int(),
  actionable: z.number().int(),
  ignored: z.number().int(),
  /** Inbound messages the pipeline failed on. */
  failed: z.number().int(),
  actionableShare: z.number().nullable(),
  ignoredReasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
});

export const responseTimesReportDto = z.object({
  firstResponse: calendarAndBusiness,
  resolution: calendarAndBusiness,
  buckets: z.array(
    z.object({
      start: z.iso.datetime(),
      firstResponseMedianMinutes: nullableMinutes,
      firstResponseBusinessMedianMinutes: nullableMinutes,
      resolutionMedianMinutes: nullableMinutes,
      resolutionBusinessMedianMinutes: nullableMinutes,
    }),
  ),
});

export const attainmentDto = z.object({
  /** Tickets with a first-response target that were answered (or are overdue) in the range. */
  eligible: z.number().int(),
  withinTarget: z.number().int(),
  attainment: z.number().nullable(),
  resolutionEligible: z.number().int(),
  resolutionWithinTarget: z.number().int(),
  resolutionAttainment: z.number().nullable(),
});

export const badgeDto = z.object({
  channelKinds: z.array(z.enum(channelKinds)),
  targetMinutes: z.number(),
  /** Share that must be answered within the target for the badge, 0..1. */
  requiredShare: z.number(),
  eligible: z.number().int(),
  withinTarget: z.number().int(),
  share: z.number().nullable(),
  isMet: z.boolean().nullable(),
});

export const slaReportDto = z.object({
  overall: attainmentDto,
  policies: z.array(attainmentDto.extend({ policyId: z.string().nullable(), name: z.string() })),
  teams: z.array(attainmentDto.extend({ teamId: z.string().nullable(), name: z.string() })),
  agents: z.array(attainmentDto.extend({ agentId: z.string().nullable(), name: z.string() })),
  badges: z.object({ facebookVeryResponsive: badgeDto, xWithinTwoHours: badgeDto }),
});

export const backlogReportDto = z.object({
  /** Tickets opened before the end of the range and not resolved by then. */
  open: z.number().int(),
  medianAgeMinutes: nullableMinutes,
  oldestAgeMinutes: nullableMinutes,
  byAge: z.array(z.object({ label: z.string(), maxMinutes: z.number().nullable(), count: z.number().int() })),
  byPriorityBand: counts,
  unanswered: z.number().int(),
});

export const automationReportDto = z.object({
  tickets: z.number().int(),
  infoRequested: z.number().int(),
  /** Tickets whose information the bot collected with one automated message (of those it asked). */
  infoCollectedInOneInteraction: z.number().int(),
  infoCollectedInOneInteractionShare: z.number().nullable(),
  autoAnswered: z.number().int(),
  autoResolved: z.number().int(),
  autoResolvedShare: z.number().nullable(),
  /** Outbound messages (bot and agents) per ticket. */
  interactionsPerTicket: z.number().nullable(),
  humanInteractionsPerTicket: z.number().nullable(),
  /** Opened → resolved, calendar, for resolved tickets. */
  handlingMinutes: durationStatsDto,
});

export const sentimentReportDto = z.object({
  averageSentiment: z.number().nullable(),
  negativeShare: z.number().nullable(),
  buckets: z.array(
    z.object({
      start: z.iso.datetime(),
      tickets: z.number().int(),
      averageSentiment: z.number().nullable(),
      negativeShare: z.number().nullable(),
    }),
  ),
  /** Compared with the period of the same length just before the range. */
  risingTopics: z.array(
    z.object({ category: z.string(), current: z.number().int(), previous: z.number().int(), change: z.number() }),
  ),
  risingKeywords: z.array(
    z.object({ keyword: z.string(), current: z.number().int(), previous: z.number().int(), change: z.number() }),
  ),
});

export const incidentsReportDto = z.object({
  opened: z.number().int(),
  solutionsPublished: z.number().int(),
  items: z.array(
    z.object({
      incidentId: z.string(),
      category: z.string(),
      openedAt: z.iso.datetime(),
      solutionPublishedAt: z.iso.datetime().nullable(),
      tickets: z.number().int(),
    }),
  ),
});

export const agentsReportDto = z.object({
  items: z.array(
    z.object({
      agentId: z.string(),
      name: z.string(),
      handled: z.number().int(),
      resolved: z.number().int(),
      replies: z.number().int(),
      firstResponse: calendarAndBusiness,
      resolution: calendarAndBusiness,
      slaAttainment: z.number().nullable(),
      csat: z.number().nullable(),
      csatResponses: z.number().int(),
      averageCsatScore: z.number().nullable(),
    }),
  ),
});

export const surveyCommentDto = z.object({
  ticketId: z.string(),
  ticketNumber: z.number().int().nullable(),
  kind: z.enum(surveyKinds),
  score: z.number(),
  comment: z.string(),
  answeredAt: z.iso.datetime(),
});

export const satisfactionReportDto = z.object({
  csat: z.object({
    responses: z.number().int(),
    /** Answers of 4 or 5. */
    satisfied: z.number().int(),
    /** satisfied / responses × 100. */
    score: z.number().nullable(),
    averageScore: z.number().nullable(),
  }),
  nps: z.object({
    responses: z.number().int(),
    promoters: z.number().int(),
    passives: z.number().int(),
    detractors: z.number().int(),
    /** %promoters − %detractors, −100..100. */
    score: z.number().nullable(),
  }),
  comments: z.array(surveyCommentDto),
});

/** What the team measured before Ascolta; defaults are the Stip story of MISSION.md (seed 000). */
export const reportBaselineDto = z.object({
  handlingHoursPerTicket: z.number().min(0).max(10_000),
  interactionsPerCase: z.number().min(0).max(1000),
  agentHoursPerTicket: z.number().min(0).max(1000),
  /** Agent time one human reply takes, to turn replies into agent hours. */
  agentMinutesPerInteraction: z.number().min(0).max(1000),
});
export type ReportBaselineDto = z.infer<typeof reportBaselineDto>;

const comparison = z.object({
  baseline: z.number(),
  measured: z.number().nullable(),
  /** (measured − baseline) / baseline; −0.8 is "80% less". */
  change: z.number().nullable(),
});

export const businessCaseReportDto = z.object({
  baseline: reportBaselineDto,
  tickets: z.number().int(),
  resolvedTickets: z.number().int(),
  handlingHoursPerTicket: comparison,
  interactionsPerCase: comparison,
  humanInteractionsPerCase: comparison,
  agentHoursPerTicket: comparison,
  agentHours: z.object({ baseline: z.number(), measured: z.number() }),
});

export const overviewReportDto = z.object({
  volume: volumeReportDto,
  triage: triageReportDto,
  responseTimes: responseTimesReportDto,
  sla: slaReportDto,
  backlog: backlogReportDto,
  automation: automationReportDto,
  satisfaction: satisfactionReportDto,
  businessCase: businessCaseReportDto,
});

/** Each named report's body; the response is `{ meta, report }`. */
export const reportDtos = {
  overview: overviewReportDto,
  volume: volumeReportDto,
  triage: triageReportDto,
  'response-times': responseTimesReportDto,
  sla: slaReportDto,
  backlog: backlogReportDto,
  automation: automationReportDto,
  sentiment: sentimentReportDto,
  incidents: incidentsReportDto,
  agents: agentsReportDto,
  satisfaction: satisfactionReportDto,
  'business-case': businessCaseReportDto,
} as const satisfies Record<ReportName, z.ZodType>;

export type ReportBody<N extends ReportName> = z.infer<(typeof reportDtos)[N]>;
export type OverviewReportDto = z.infer<typeof overviewReportDto>;
export type VolumeReportDto = z.infer<typeof volumeReportDto>;
export type TriageReportDto = z.infer<typeof triageReportDto>;
export type ResponseTimesReportDto = z.infer<typeof responseTimesReportDto>;
export type SlaReportDto = z.infer<typeof slaReportDto>;
export type BacklogReportDto = z.infer<typeof backlogReportDto>;
export type AutomationReportDto = z.infer<typeof automationReportDto>;
export type SentimentReportDto = z.infer<typeof sentimentReportDto>;
export type IncidentsReportDto = z.infer<typeof incidentsReportDto>;
export type AgentsReportDto = z.infer<typeof agentsReportDto>;
export type SatisfactionReportDto = z.infer<typeof satisfactionReportDto>;
export type BusinessCaseReportDto = z.infer<typeof businessCaseReportDto>;
export type ReportMetaDto = z.infer<typeof reportMetaDto>;

export const reportResponseDto = <N extends ReportName>(name: N) =>
  z.object({ meta: reportMetaDto, report: reportDtos[name] });

/** One ticket of the drill-down and the CSV export; the CSV columns are these keys in this order. */
export const reportTicketRowDto = z.object({
  ticketId: z.string(),
  ticketNumber: z.number().int().nullable(),
  channelId: z.string(),
  channelKind: z.string().nullable(),
  category: z.string(),
  kind: z.enum(messageKinds).nullable(),
  language: z.string().nullable(),
  priorityBand: z.enum(priorityBands),
  teamId: z.string().nullable(),
  agentId: z.string().nullable(),
  status: z.enum(['open', 'resolved']),
  openedAt: z.iso.datetime(),
  firstResponseAt: z.iso.datetime().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  firstResponseMinutes: nullableMinutes,
  firstResponseBusinessMinutes: nullableMinutes,
  resolutionMinutes: nullableMinutes,
  resolutionBusinessMinutes: nullableMinutes,
  firstResponseSlaMet: z.boolean().nullable(),
  resolutionSlaMet: z.boolean().nullable(),
  interactions: z.number().int(),
  humanInteractions: z.number().int(),
  infoCollectedInOneInteraction: z.boolean(),
  isAutoResolved: z.boolean(),
  sentiment: z.number().nullable(),
  csatScore: z.number().nullable(),
  npsScore: z.number().nullable(),
  surveyComment: z.string().nullable(),
});
export type ReportTicketRowDto = z.infer<typeof reportTicketRowDto>;
export const reportTicketColumns = Object.keys(reportTicketRowDto.shape) as Array<keyof ReportTicketRowDto>;

export const reportTicketsPageDto = z.object({
  meta: reportMetaDto,
  items: z.array(reportTicketRowDto),
  nextCursor: z.string().nullable(),
});

/** The supervisor console's live figures for the local day so far; cheap enough to poll every few seconds. */
export const reportTodayDto = z.object({
  date: z.string(),
  timeZone: z.string(),
  messagesReceived: z.number().int(),
  ticketsOpened: z.number().int(),
  ticketsResolved: z.number().int(),
  autoResolved: z.number().int(),
  /** Open now, whenever they were opened. */
  openTickets: z.number().int(),
  /** Open and not answered yet. */
  waitingForFirstResponse: z.number().int(),
  oldestWaitingMinutes: nullableMinutes,
  firstResponseMedianMinutes: nullableMinutes,
  slaAttainment: z.number().nullable(),
  slaBreaches: z.number().int(),
  csat: z.number().nullable(),
  projectedThroughSequence: z.number().int(),
  generatedAt: z.iso.datetime(),
});
export type ReportTodayDto = z.infer<typeof reportTodayDto>;
