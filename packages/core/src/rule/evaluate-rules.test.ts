import { describe, expect, it } from 'vitest';
import { conditionHolds, evaluateRules } from './evaluate-rules.ts';
import { aRule } from './rule.test-support.ts';
import type { Rule } from './rule.ts';

const rule = (overrides: Parameters<typeof aRule>[0]): Rule => aRule({ workspaceId: 'w1', ...overrides });

const facts = {
  triage: { category: 'billing', kind: 'complaint', sentiment: -0.7, urgency: ['churn-threat'], language: 'it' },
  customer: { valueTier: 'gold', followers: 12_000, isVerified: false },
  message: { text: 'Passo a un altro operatore se non risolvete', channelKind: 'x', visibility: 'public' },
};

describe('conditionHolds', () => {
  it('compares strings case-insensitively and reads dotted paths', () => {
    expect(conditionHolds(facts, { field: 'triage.category', operator: 'equals', value: 'BILLING' })).toBe(true);
    expect(conditionHolds(facts, { field: 'customer.valueTier', operator: 'in', value: ['gold', 'platinum'] })).toBe(
      true,
    );
    expect(conditionHolds(facts, { field: 'customer.valueTier', operator: 'not-equals', value: 'gold' })).toBe(false);
  });

  it('looks inside text and lists with contains', () => {
    expect(conditionHolds(facts, { field: 'message.text', operator: 'contains', value: 'altro operatore' })).toBe(true);
    expect(conditionHolds(facts, { field: 'triage.urgency', operator: 'contains', value: 'churn-threat' })).toBe(true);
    expect(conditionHolds(facts, { field: 'triage.urgency', operator: 'contains', value: 'outage' })).toBe(false);
  });

  it('compares numbers only with numbers', () => {
    expect(conditionHolds(facts, { field: 'customer.followers', operator: 'greater-than', value: 10_000 })).toBe(true);
    expect(conditionHolds(facts, { field: 'triage.sentiment', operator: 'less-than', value: -0.5 })).toBe(true);
    expect(conditionHolds(facts, { field: 'triage.category', operator: 'greater-than', value: 3 })).toBe(false);
  });

  it('never matches a missing fact, except for not-equals', () => {
    expect(conditionHolds(facts, { field: 'customer.crm.segment', operator: 'equals', value: 'vip' })).toBe(false);
    expect(conditionHolds(facts, { field: 'customer.crm.segment', operator: 'not-equals', value: 'vip' })).toBe(true);
  });
});

describe('evaluateRules', () => {
  it('applies matching active rules in position order and explains each', () => {
    const rules = [
      rule({
        id: 'late',
        position: 2,
        conditions: [{ field: 'triage.category', operator: 'equals', value: 'billing' }],
        actions: [{ type: 'set-priority-band', band: 'urgent' }],
      }),
      rule({
        id: 'early',
        name: 'Gold customers',
        position: 1,
        conditions: [{ field: 'customer.valueTier', operator: 'equals', value: 'gold' }],
        actions: [
          { type: 'add-priority', points: 15 },
          { type: 'set-priority-band', band: 'high' },
        ],
      }),
      rule({
        id: 'off',
        isActive: false,
        conditions: [],
        actions: [{ type: 'add-priority', points: 100 }],
      }),
      rule({
        id: 'other-trigger',
        when: 'ticket.resolved',
        conditions: [],
        actions: [{ type: 'add-priority', points: 100 }],
      }),
    ];
    const outcome = evaluateRules(rules, 'message.received', facts);
    expect(outcome.matchedRuleIds).toEqual(['early', 'late']);
    expect(outcome.priorityPoints).toBe(15);
    expect(outcome.priorityBand).toBe('urgent');
    expect(outcome.explanation[0]).toBe('rule "Gold customers": +15 priority, band high');
  });

  it('needs every condition of a rule to hold', () => {
    const rules = [
      rule({
        id: 'both',
        conditions: [
          { field: 'triage.category', operator: 'equals', value: 'billing' },
          { field: 'message.channelKind', operator: 'equals', value: 'email' },
        ],
        actions: [{ type: 'assign-team', teamId: 'billing-team' }],
      }),
    ];
    expect(evaluateRules(rules, 'message.received', facts).matchedRuleIds).toEqual([]);
  });

  it('keeps the first ignore reason, the last category and team, and clears an agent on a team change', () => {
    const rules = [
      rule({
        id: 'a',
        kind: 'routing',
        position: 1,
        conditions: [],
        actions: [
          { type: 'assign-agent', agentId: 'giulia' },
          { type: 'ignore', reason: 'competitor mention' },
          { type: 'set-category', category: 'billing' },
        ],
      }),
      rule({
        id: 'b',
        kind: 'routing',
        position: 2,
        conditions: [],
        actions: [
          { type: 'assign-team', teamId: 'retention' },
          { type: 'ignore', reason: 'second' },
          { type: 'set-category', category: 'cancellation' },
        ],
      }),
    ];
    const outcome = evaluateRules(rules, 'message.received', facts);
    expect(outcome.ignoreReason).toBe('rule: competitor mention');
    expect(outcome.category).toBe('cancellation');
    expect(outcome.teamId).toBe('retention');
    expect(outcome.agentId).toBeNull();
  });

  it('returns an empty outcome when no rule matches', () => {
    const outcome = evaluateRules([], 'message.received', facts);
    expect(outcome).toMatchObject({ matchedRuleIds: [], priorityPoints: 0, priorityBand: null, ignoreReason: null });
  });
});
