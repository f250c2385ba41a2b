/** What the team measured before Ascolta; `defaultReportBaseline` is the Stip story of MISSION.md (seed 000). */
export interface ReportBaseline {
  handlingHoursPerTicket: number;
  interactionsPerCase: number;
  agentHoursPerTicket: number;
  /** Agent time one human reply takes: turns counted replies into agent hours. */
  agentMinutesPerInteraction: number;
}

/**
 * Seed 000: 2 days to handle a ticket, more than 4 human interactions per case, 7 full-time agents
 * (8 h) for 50 tickets a day = 56 / 50 = 1.12 agent hours per ticket. 14 minutes per reply is that
 * 1.12 h spread over the 4.8 interactions (rounded); change it to what the team measures.
 */
export const defaultReportBaseline: ReportBaseline = {
  handlingHoursPerTicket: 48,
  interactionsPerCase: 4,
  agentHoursPerTicket: 1.12,
  agentMinutesPerInteraction: 14,
};

export interface MeasuredCase {
  tickets: number;
  resolvedTickets: number;
  /** Sum of calendar resolution minutes of the resolved tickets. */
  resolutionMinutesTotal: number;
  /** Outbound messages, bot and agents, on the tickets. */
  interactions: number;
  humanInteractions: number;
}

export interface Comparison {
  baseline: number;
  measured: number | null;
  /** (measured − baseline) / baseline: −0.8 is "80% less"; null when either side is missing or zero. */
  change: number | null;
}

const compare = (baseline: number, measured: number | null): Comparison => ({
  baseline,
  measured,
  change: measured === null || baseline === 0 ? null : (measured - baseline) / baseline,
});

const perTicket = (total: number, tickets: number): number | null => (tickets === 0 ? null : total / tickets);

/** The business case of MISSION.md: handling time, interactions per case and agent hours against a baseline. */
export const businessCase = (baseline: ReportBaseline, measured: MeasuredCase) => {
  const agentHours = (measured.humanInteractions * baseline.agentMinutesPerInteraction) / 60;
  return {
    baseline,
    tickets: measured.tickets,
    resolvedTickets: measured.resolvedTickets,
    handlingHoursPerTicket: compare(
      baseline.handlingHoursPerTicket,
      perTicket(measured.resolutionMinutesTotal / 60, measured.resolvedTickets),
    ),
    interactionsPerCase: compare(baseline.interactionsPerCase, perTicket(measured.interactions, measured.tickets)),
    humanInteractionsPerCase: compare(
      baseline.interactionsPerCase,
      perTicket(measured.humanInteractions, measured.tickets),
    ),
    agentHoursPerTicket: compare(baseline.agentHoursPerTicket, perTicket(agentHours, measured.tickets)),
    agentHours: { baseline: baseline.agentHoursPerTicket * measured.tickets, measured: agentHours },
  };
};
