import type { BusinessHours } from '../agent/agent.ts';
import type { Channel } from '../channel/channel.ts';
import type { SlaPolicy } from '../sla/sla-policy.ts';
import type { PriorityBand } from '../ticket/ticket.ts';
import { type BusinessTimeline, createBusinessTimeline } from './business-timeline.ts';

/** One ticket as the reports see it, folded from its events; a row of `report_ticket_facts`. */
export interface TicketFacts {
  workspaceId: string;
  ticketId: string;
  channelId: string;
  channelKind: string | null;
  category: string;
  /** Triage dimensions at open time; null for events written before they were recorded. */
  kind: string | null;
  language: string | null;
  sentiment: number | null;
  keywords: readonly string[];
  priorityBand: PriorityBand;
  teamId: string | null;
  agentId: string | null;
  incidentId: string | null;
  openedAt: Date;
  firstResponseAt: Date | null;
  firstResponseMinutes: number | null;
  firstResponseBusinessMinutes: number | null;
  isFirstResponseAutomated: boolean;
  isResolved: boolean;
  resolvedAt: Date | null;
  resolutionMinutes: number | null;
  resolutionBusinessMinutes: number | null;
  isAutoResolved: boolean;
  isAutoAnswered: boolean;
  slaPolicyId: string | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  /** Decided once answered (or resolved); null while open, the report decides overdue ones at query time. */
  firstResponseSlaMet: boolean | null;
  resolutionSlaMet: boolean | null;
  slaBreaches: number;
  isInfoRequested: boolean;
  isInfoCollectedInOneInteraction: boolean;
  automatedMessages: number;
  humanInteractions: number;
  csatScore: number | null;
  npsScore: number | null;
  surveyComment: string | null;
  surveyKind: 'csat' | 'nps' | null;
  surveyAnsweredAt: Date | null;
  /** The last event folded in. */
  lastSequence: number;
}

/** What the fold needs besides the events: the workspace's configuration, read when projecting. */
export interface ProjectionContext {
  /** Channel id → channel kind (`x`, `facebook`…); a channel's kind never changes. */
  channelKinds: ReadonlyMap<string, string>;
  /** The workspace's SLA policy (the pipeline applies the first one), or null. */
  policy: SlaPolicy | null;
  /** Business minutes of the reports: the policy's calendar, else the workspace's first; 24/7 without one. */
  businessTime: BusinessTimeline;
  /** The clock SLA due times run on: the policy's calendar, or wall-clock time when it has none. */
  slaTime: BusinessTimeline;
}

/**
 * The workspace's configuration as the projection uses it. The pipeline applies the first SLA policy
 * (load-care-context), with its calendar; reports count business minutes in that calendar too, or in the
 * workspace's first calendar when the policy has none.
 */
export const createProjectionContext = (
  policies: readonly SlaPolicy[],
  calendars: readonly BusinessHours[],
  channels: readonly Pick<Channel, 'id' | 'kind'>[],
): ProjectionContext => {
  const policy = policies[0] ?? null;
  const policyHours = calendars.find((calendar) => calendar.id === policy?.businessHoursId) ?? null;
  const slaTime = createBusinessTimeline(policyHours);
  return {
    channelKinds: new Map(channels.map((channel) => [channel.id, channel.kind])),
    policy,
    slaTime,
    businessTime: policyHours === null ? createBusinessTimeline(calendars[0] ?? null) : slaTime,
  };
};
