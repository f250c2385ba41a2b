import type { UnstampedEvent } from '../events/stamp-event.ts';
import type { Incident } from '../ticket/ticket.ts';
import { tokenSetSimilarity } from './token-set-similarity.ts';

/** One customer's report of a problem: a ticket's first message. */
export interface IncidentReport {
  ticketId: string;
  customerId: string;
  category: string;
  text: string;
  reportedAt: Date;
  incidentId: string | null;
}

export interface IncidentOptions {
  /** Distinct customers reporting the same problem before it is an incident. */
  minCustomers: number;
  windowMinutes: number;
  /** Token-set similarity, 0..1, for two reports to be about the same problem. */
  minSimilarity: number;
}

export const defaultIncidentOptions: IncidentOptions = { minCustomers: 3, windowMinutes: 120, minSimilarity: 0.3 };

export interface DetectIncidentInput {
  workspaceId: string;
  report: IncidentReport;
  /** Other recent reports; those outside the window or category are ignored here. */
  recentReports: readonly IncidentReport[];
  openIncidents: readonly Incident[];
  options: IncidentOptions;
  now: Date;
  newId: () => string;
}

export type IncidentDecision =
  | { kind: 'none' }
  | { kind: 'link'; incidentId: string }
  /** `ticketIds`: every report in the cluster, this one included, to link to the new incident. */
  | { kind: 'open'; incident: Incident; ticketIds: string[]; events: UnstampedEvent[] };

const titleLength = 80;

const similarReports = (input: DetectIncidentInput): IncidentReport[] => {
  const since = input.now.getTime() - input.options.windowMinutes * 60_000;
  return input.recentReports.filter(
    (other) =>
      other.ticketId !== input.report.ticketId &&
      other.category === input.report.category &&
      other.reportedAt.getTime() >= since &&
      tokenSetSimilarity(other.text, input.report.text) >= input.options.minSimilarity,
  );
};

/**
 * Many customers, one problem: links the report to an open incident that similar reports (or its title)
 * already belong to, or opens one when enough distinct customers report the same thing within the window.
 */
export const detectIncident = (input: DetectIncidentInput): IncidentDecision => {
  const { report, options } = input;
  const similar = similarReports(input);
  // Oldest first: when two incidents were opened for one problem, new reports converge on the first.
  const open = input.openIncidents
    .filter((incident) => incident.status === 'open' && incident.category === report.category)
    .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
  const linked =
    open.find((incident) => similar.some((other) => other.incidentId === incident.id)) ??
    open.find((incident) => tokenSetSimilarity(incident.title, report.text) >= options.minSimilarity);
  if (linked !== undefined) return { kind: 'link', incidentId: linked.id };
  const cluster = [report, ...similar.filter((other) => other.incidentId === null)];
  if (new Set(cluster.map((member) => member.customerId)).size < options.minCustomers) return { kind: 'none' };
  const incident: Incident = {
    id: input.newId(),
    workspaceId: input.workspaceId,
    title: report.text.replace(/\s+/g, ' ').trim().slice(0, titleLength),
    category: report.category,
    status: 'open',
    solution: {},
    openedAt: input.now,
    resolvedAt: null,
  };
  const event: UnstampedEvent = {
    type: 'incident.opened',
    workspaceId: input.workspaceId,
    actor: { type: 'system' },
    ticketId: report.ticketId,
    customerId: report.customerId,
    data: { incidentId: incident.id, category: incident.category },
  };
  return { kind: 'open', incident, ticketIds: cluster.map((member) => member.ticketId), events: [event] };
};
