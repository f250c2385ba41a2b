import { describe, expect, it } from 'vitest';
import { priorityBandFor } from './priority-band-for.ts';
import type { PriorityInput } from './priority-factors.ts';
import { scorePriority } from './score-priority.ts';

const now = new Date('2026-03-10T15:00:00Z');
const hoursAgo = (hours: number): Date => new Date(now.getTime() - hours * 3_600_000);

const ordinaryCustomer: PriorityInput['customer'] = {
  valueTier: 'standard',
  lifetimeValueCents: 0,
  purchasesCount: 0,
  followers: 0,
  isVerified: false,
};

const input = (overrides: Partial<PriorityInput> = {}): PriorityInput => ({
  triage: { kind: 'question', sentiment: 0, urgency: [], scores: { complaint: 0.1 } },
  customer: ordinaryCustomer,
  repeatContacts: 0,
  touchpoints: [],
  slaMinutesLeft: null,
  now,
  ...overrides,
});

const angryComplaint: PriorityInput['triage'] = {
  kind: 'complaint',
  sentiment: -0.8,
  urgency: [],
  scores: { complaint: 0.95 },
};

describe('scorePriority', () => {
  it('explains the score: the contributions add up to it', () => {
    const result = scorePriority(input({ triage: angryComplaint }));
    const sum = result.contributions.reduce((total, contribution) => total + contribution.points, 0);
    expect(result.score).toBeCloseTo(sum, 5);
    expect(result.contributions.map((contribution) => contribution.factor)).toEqual(['severity', 'sentiment']);
    expect(result.contributions[0]?.reason).toContain('complaint');
  });

  it('puts a brand advocate who just bought ten laptops above an angry ordinary complaint', () => {
    const advocate = scorePriority(
      input({
        customer: {
          valueTier: 'gold',
          lifetimeValueCents: 1_500_000,
          purchasesCount: 12,
          followers: 40_000,
          isVerified: true,
        },
        touchpoints: [{ kind: 'order', occurredAt: hoursAgo(48), data: { quantity: 10, item: 'laptop' } }],
      }),
    );
    const complaint = scorePriority(input({ triage: angryComplaint }));
    expect(advocate.score).toBeGreaterThan(complaint.score);
    expect(advocate.contributions.find((c) => c.factor === 'customerValue')?.reason).toContain('10 units');
    expect(['high', 'urgent']).toContain(advocate.band);
  });

  it('makes a customer who called and e-mailed today and now complains urgent', () => {
    const result = scorePriority(
      input({
        triage: angryComplaint,
        touchpoints: [
          { kind: 'call', occurredAt: hoursAgo(5), data: {} },
          { kind: 'email', occurredAt: hoursAgo(3), data: {} },
        ],
      }),
    );
    expect(result.band).toBe('urgent');
    expect(result.contributions[0]?.factor).toBe('crossChannel');
  });

  it('ignores touchpoints older than a day for the cross-channel factor', () => {
    const result = scorePriority(input({ touchpoints: [{ kind: 'call', occurredAt: hoursAgo(30), data: {} }] }));
    expect(result.contributions.some((c) => c.factor === 'crossChannel')).toBe(false);
  });

  it('ignores touchpoints logged after the moment being scored', () => {
    const later = (hours: number): Date => new Date(now.getTime() + hours * 3_600_000);
    const touchpoints = [
      { kind: 'call' as const, occurredAt: later(2), data: {} },
      { kind: 'email' as const, occurredAt: later(3), data: {} },
    ];
    const factors = scorePriority(input({ touchpoints })).contributions.map((contribution) => contribution.factor);
    expect(factors).not.toContain('crossChannel');
  });

  it('raises urgency cues, repeat contacts and a near SLA', () => {
    const calm = scorePriority(input());
    const pressed = scorePriority(
      input({
        triage: { ...input().triage, urgency: ['outage', 'churn-threat'] },
        repeatContacts: 3,
        slaMinutesLeft: -10,
      }),
    );
    const factors = pressed.contributions.map((c) => c.factor);
    expect(factors).toEqual(expect.arrayContaining(['urgency', 'repeatContacts', 'slaTimeLeft']));
    expect(pressed.score).toBeGreaterThan(calm.score + 40);
  });

  it('follows the workspace weights and thresholds', () => {
    const settings = {
      weights: {
        severity: 0,
        sentiment: 0,
        urgency: 0,
        customerValue: 0,
        influence: 100,
        repeatContacts: 0,
        crossChannel: 0,
        slaTimeLeft: 0,
      },
      bands: { normal: 10, high: 20, urgent: 30 },
    };
    const result = scorePriority(
      input({ customer: { ...ordinaryCustomer, followers: 1_000_000 }, triage: angryComplaint }),
      settings,
    );
    expect(result.contributions).toEqual([expect.objectContaining({ factor: 'influence', points: 100 })]);
    expect(result.band).toBe('urgent');
  });

  it('scores an unknown customer on content alone', () => {
    const result = scorePriority(
      input({ customer: null, triage: { ...angryComplaint, kind: 'praise', sentiment: 0.9 } }),
    );
    expect(result.contributions.map((c) => c.factor)).toEqual(['severity']);
  });
});

describe('priorityBandFor', () => {
  it('treats each threshold as the lowest score of its band', () => {
    const bands = { normal: 20, high: 40, urgent: 60 };
    expect([0, 19.9, 20, 40, 59.9, 60].map((score) => priorityBandFor(score, bands))).toEqual([
      'low',
      'low',
      'normal',
      'high',
      'high',
      'urgent',
    ]);
  });
});
