import type { BusinessHours } from '../agent/agent.ts';
import type { SlaPolicy } from '../sla/sla-policy.ts';
import type { PriorityBand } from '../ticket/ticket.ts';

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
  /** The calendar business minutes are counted in: the policy's, else the workspace's first; null = 24/7. */
  hours: BusinessHours | null;
}
