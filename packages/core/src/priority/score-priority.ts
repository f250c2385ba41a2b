import type { PriorityBandThresholds, PriorityWeights } from '../rule/rule.ts';
import type { PriorityBand, PriorityContribution } from '../ticket/ticket.ts';
import { defaultPriorityBands, defaultPriorityWeights } from './default-priority-settings.ts';
import { priorityBandFor } from './priority-band-for.ts';
import { type PriorityFactor, type PriorityInput, priorityFactors } from './priority-factors.ts';

export interface PrioritySettings {
  weights: PriorityWeights;
  bands: PriorityBandThresholds;
}

export interface PriorityResult {
  /** Sum of the contributions' points, rounded to one decimal. */
  score: number;
  band: PriorityBand;
  /** Every addend of the score, largest first, so an agent can see why. */
  contributions: PriorityContribution[];
}

const roundTo1 = (value: number): number => Math.round(value * 10) / 10;

/** Scores a ticket's urgency for the queue: each factor's 0..1 strength times its workspace weight. */
export const scorePriority = (
  input: PriorityInput,
  settings: PrioritySettings = { weights: defaultPriorityWeights, bands: defaultPriorityBands },
): PriorityResult => {
  const contributions: PriorityContribution[] = [];
  for (const factor of Object.keys(priorityFactors) as PriorityFactor[]) {
    const reading = priorityFactors[factor](input);
    const points = reading === null ? 0 : roundTo1(reading.strength * settings.weights[factor]);
    if (reading !== null && points !== 0) contributions.push({ factor, points, reason: reading.reason });
  }
  contributions.sort((a, b) => b.points - a.points);
  const score = roundTo1(contributions.reduce((sum, contribution) => sum + contribution.points, 0));
  return { score, band: priorityBandFor(score, settings.bands), contributions };
};
