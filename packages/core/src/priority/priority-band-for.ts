import type { PriorityBandThresholds } from '../rule/rule.ts';
import type { PriorityBand } from '../ticket/ticket.ts';

/** The band a score falls in: each threshold is the lowest score of its band. */
export const priorityBandFor = (score: number, bands: PriorityBandThresholds): PriorityBand => {
  if (score >= bands.urgent) return 'urgent';
  if (score >= bands.high) return 'high';
  if (score >= bands.normal) return 'normal';
  return 'low';
};
