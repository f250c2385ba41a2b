import type { PriorityBand } from '../ticket/ticket.ts';
import type { Rule, RuleAction, RuleCondition } from './rule.ts';

/** What rules can look at: nested plain values, read by dotted paths such as `triage.category`. */
export type RuleFacts = Readonly<Record<string, unknown>>;

/** The combined effect of every matching rule, applied by the pipeline stage the rule kind belongs to. */
export interface RuleOutcome {
  matchedRuleIds: readonly string[];
  /** Human-readable lines for the ticket's explanation, e.g. `rule "VIP outage": +20 priority`. */
  explanation: readonly string[];
  ignoreReason: string | null;
  category: string | null;
  priorityPoints: number;
  priorityBand: PriorityBand | null;
  teamId: string | null;
  agentId: string | null;
}

const emptyOutcome: RuleOutcome = {
  matchedRuleIds: [],
  explanation: [],
  ignoreReason: null,
  category: null,
  priorityPoints: 0,
  priorityBand: null,
  teamId: null,
  agentId: null,
};

const valueAt = (facts: RuleFacts, path: string): unknown => {
  let current: unknown = facts;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
};

const normalise = (value: unknown): unknown => (typeof value === 'string' ? value.toLowerCase() : value);

const contains = (actual: unknown, expected: RuleCondition['value']): boolean => {
  if (typeof actual === 'string' && typeof expected === 'string') {
    return actual.toLowerCase().includes(expected.toLowerCase());
  }
  if (Array.isArray(actual)) return actual.some((item) => normalise(item) === normalise(expected));
  return false;
};

const isIn = (actual: unknown, expected: RuleCondition['value']): boolean =>
  Array.isArray(expected) && expected.some((item) => normalise(item) === normalise(actual));

/** One condition against the facts; a missing fact never matches (except `not-equals`). */
export const conditionHolds = (facts: RuleFacts, condition: RuleCondition): boolean => {
  const actual = valueAt(facts, condition.field);
  const expected = condition.value;
  switch (condition.operator) {
    case 'equals':
      return actual !== undefined && normalise(actual) === normalise(expected);
    case 'not-equals':
      return normalise(actual) !== normalise(expected);
    case 'in':
      return isIn(actual, expected);
    case 'contains':
      return contains(actual, expected);
    case 'greater-than':
      return typeof actual === 'number' && typeof expected === 'number' && actual > expected;
    case 'less-than':
      return typeof actual === 'number' && typeof expected === 'number' && actual < expected;
  }
};

const describeAction = (action: RuleAction): string => {
  switch (action.type) {
    case 'add-priority':
      return `${action.points >= 0 ? '+' : ''}${action.points} priority`;
    case 'set-priority-band':
      return `band ${action.band}`;
    case 'assign-team':
      return `team ${action.teamId}`;
    case 'assign-agent':
      return `agent ${action.agentId}`;
    case 'set-category':
      return `category ${action.category}`;
    case 'ignore':
      return `ignore (${action.reason})`;
  }
};

const applyAction = (outcome: RuleOutcome, action: RuleAction): RuleOutcome => {
  switch (action.type) {
    case 'add-priority':
      return { ...outcome, priorityPoints: outcome.priorityPoints + action.points };
    case 'set-priority-band':
      return { ...outcome, priorityBand: action.band };
    case 'assign-team':
      return { ...outcome, teamId: action.teamId, agentId: null };
    case 'assign-agent':
      return { ...outcome, agentId: action.agentId };
    case 'set-category':
      return { ...outcome, category: action.category };
    case 'ignore':
      return { ...outcome, ignoreReason: outcome.ignoreReason ?? `rule: ${action.reason}` };
  }
};

/**
 * Runs the active rules triggered by `when` in their order: each rule whose conditions all hold applies its
 * actions. Later rules win for single values (band, team, category); points add up; the first ignore wins.
 */
export const evaluateRules = (rules: readonly Rule[], when: string, facts: RuleFacts): RuleOutcome => {
  const triggered = rules
    .filter((rule) => rule.isActive && rule.when === when)
    .toSorted((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  let outcome = emptyOutcome;
  for (const rule of triggered) {
    if (!rule.conditions.every((condition) => conditionHolds(facts, condition))) continue;
    outcome = rule.actions.reduce(applyAction, outcome);
    outcome = {
      ...outcome,
      matchedRuleIds: [...outcome.matchedRuleIds, rule.id],
      explanation: [...outcome.explanation, `rule "${rule.name}": ${rule.actions.map(describeAction).join(', ')}`],
    };
  }
  return outcome;
};
