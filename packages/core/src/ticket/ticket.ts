import type { ChannelKind } from '../channel/channel.ts';
import type { Visibility } from '../triage/triage.ts';

export const ticketStatuses = ['new', 'awaiting_customer', 'open', 'pending', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

export const priorityBands = ['low', 'normal', 'high', 'urgent'] as const;
export type PriorityBand = (typeof priorityBands)[number];

/** One addend of the priority score, kept so the score can be explained. */
export interface PriorityContribution {
  factor: string;
  points: number;
  reason: string;
}

/** A conversation with a customer that needs care. */
export interface Ticket {
  id: string;
  workspaceId: string;
  /** Human-friendly sequence number within the workspace. */
  number: number;
  customerId: string;
  channelId: string;
  channelKind: ChannelKind;
  /** Where the conversation started: replies go back here by default. */
  threadExternalId: string;
  visibility: Visibility;
  subject: string;
  status: TicketStatus;
  priorityScore: number;
  priorityBand: PriorityBand;
  priorityContributions: readonly PriorityContribution[];
  category: string;
  language: string;
  assigneeId: string | null;
  teamId: string | null;
  incidentId: string | null;
  /** Information collected from the customer (order number, e-mail…), by field name. */
  collectedFields: Readonly<Record<string, string>>;
  firstResponseDueAt: Date | null;
  nextResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  firstResponseAt: Date | null;
  /** When the customer started waiting for us; null while we wait for them. */
  waitingSince: Date | null;
  resolvedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Many customers, one problem: an outage, a delivery failure, a bug. */
export interface Incident {
  id: string;
  workspaceId: string;
  title: string;
  category: string;
  status: 'open' | 'resolved';
  /** The published solution, by language (ISO 639-1). */
  solution: Readonly<Record<string, string>>;
  openedAt: Date;
  resolvedAt: Date | null;
}
