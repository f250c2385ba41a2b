import type { PriorityBandThresholds, PriorityWeights } from '../rule/rule.ts';

/**
 * Points each factor adds at full strength (every factor is first scaled to 0..1). Cross-channel
 * contacts weigh most: a customer who called and e-mailed today and now posts is already escalating.
 */
export const defaultPriorityWeights: PriorityWeights = {
  severity: 20,
  sentiment: 10,
  urgency: 20,
  customerValue: 25,
  influence: 10,
  repeatContacts: 10,
  crossChannel: 40,
  slaTimeLeft: 15,
};

/** Lowest score of each band; below `normal` a ticket is `low`. */
export const defaultPriorityBands: PriorityBandThresholds = {
  normal: 20,
  high: 40,
  urgent: 60,
};
