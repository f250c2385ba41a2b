import type { PriorityContribution, Ticket } from '../ticket/ticket.ts';
import { priorityBandFor } from './priority-band-for.ts';
import { type PriorityFactor, type PriorityInput, priorityFactors } from './priority-factors.ts';
import type { PrioritySettings } from './score-priority.ts';

const roundTo1 = (value: number): number => Math.round(value * 10) / 10;

/**
 * Reads one priority factor again and replaces its addend in an existing ticket's score; the other addends came
 * from the messages and stay. Used when something outside the ticket changed: the customer's value (CRM), or a
 * contact on another channel processed after the ticket was opened.
 */
export const rescoreFactor = (
  ticket: Ticket,
  factor: PriorityFactor,
  input: PriorityInput,
  settings: PrioritySettings,
): Ticket => {
  const reading = priorityFactors[factor](input);
  const points = reading === null ? 0 : roundTo1(reading.strength * settings.weights[factor]);
  const previous = ticket.priorityContributions.find((contribution) => contribution.factor === factor);
  const contributions: PriorityContribution[] = ticket.priorityContributions.filter(
    (contribution) => contribution !== previous,
  );
  if (reading !== null && points !== 0) contributions.push({ factor, points, reason: reading.reason });
  contributions.sort((a, b) => b.points - a.points);
  // By difference, so a score whose other addends are not itemised (older tickets) keeps them.
  const score = Math.max(0, roundTo1(ticket.priorityScore - (previous?.points ?? 0) + points));
  return {
    ...ticket,
    priorityScore: score,
    priorityBand: priorityBandFor(score, settings.bands),
    priorityContributions: contributions,
    updatedAt: input.now,
  };
};
