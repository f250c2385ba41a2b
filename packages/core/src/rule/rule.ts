/** A supervisor-editable rule: when an event happens, if the conditions hold, then act. */

export type RuleKind = 'priority' | 'routing' | 'automation';

export type ConditionOperator = 'equals' | 'not-equals' | 'in' | 'contains' | 'greater-than' | 'less-than';

export interface RuleCondition {
  /** A dotted path into the rule's facts, e.g. `triage.category`, `customer.valueTier`. */
  field: string;
  operator: ConditionOperator;
  value: string | number | boolean | readonly string[];
}

export type RuleAction =
  | { type: 'add-priority'; points: number }
  | { type: 'set-priority-band'; band: 'low' | 'normal' | 'high' | 'urgent' }
  | { type: 'assign-team'; teamId: string }
  | { type: 'assign-agent'; agentId: string }
  | { type: 'set-category'; category: string }
  | { type: 'add-tag'; tag: string }
  | { type: 'ignore'; reason: string };

export interface Rule {
  id: string;
  workspaceId: string;
  kind: RuleKind;
  name: string;
  /** Domain event type that triggers it, e.g. `message.received`. */
  when: string;
  conditions: readonly RuleCondition[];
  actions: readonly RuleAction[];
  position: number;
  isActive: boolean;
}

/** The workspace's priority strategy: weights for each factor and score thresholds per band. */
export interface PriorityWeights {
  severity: number;
  sentiment: number;
  urgency: number;
  customerValue: number;
  influence: number;
  repeatContacts: number;
  crossChannel: number;
  slaTimeLeft: number;
}

export interface PriorityBandThresholds {
  normal: number;
  high: number;
  urgent: number;
}
