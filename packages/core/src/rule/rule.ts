/** A supervisor-editable rule: when an event happens, if the conditions hold, then act. */

export const ruleKinds = ['priority', 'routing', 'automation'] as const;
export type RuleKind = (typeof ruleKinds)[number];

export const conditionOperators = ['equals', 'not-equals', 'in', 'contains', 'greater-than', 'less-than'] as const;
export type ConditionOperator = (typeof conditionOperators)[number];

/** The events rules can be triggered by; the pipeline evaluates them when an inbound message is triaged. */
export const ruleTriggers = ['message.received'] as const;

/** The facts a rule may test, with their type; the pipeline fills them from the message, triage and customer. */
export const ruleFactFields = {
  'triage.category': 'string',
  'triage.kind': 'string',
  'triage.language': 'string',
  'triage.sentiment': 'number',
  'triage.sentimentLabel': 'string',
  'triage.urgency': 'list',
  'triage.actionable': 'boolean',
  'customer.valueTier': 'string',
  'customer.followers': 'number',
  'customer.isVerified': 'boolean',
  'customer.lifetimeValueCents': 'number',
  'customer.purchasesCount': 'number',
  'message.text': 'string',
  'message.channelKind': 'string',
  'message.visibility': 'string',
} as const satisfies Record<string, 'string' | 'number' | 'boolean' | 'list'>;
export type RuleFactField = keyof typeof ruleFactFields;

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
