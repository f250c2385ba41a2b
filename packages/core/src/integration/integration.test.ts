import { describe, expect, it } from 'vitest';
import type { Customer, Identity } from '../customer/customer.ts';
import type { DomainEvent } from '../events/domain-event.ts';
import { defaultPriorityBands, defaultPriorityWeights } from '../priority/default-priority-settings.ts';
import type { Ticket } from '../ticket/ticket.ts';
import { crmIdentitiesOf, crmLookupKey, isCrmLookupFresh } from './crm.ts';
import { newPurchaseTouchpoints, planCrmEnrichment } from './plan-crm-enrichment.ts';
import { shapeWebhookPayload } from './shape-webhook-payload.ts';
import { takeContiguousEvents } from './take-contiguous-events.ts';
import { defaultWebhookRetryPolicy, webhookRetryDelayMs } from './webhook-retry-delay.ts';

const now = new Date('2026-03-02T10:00:00Z');
const settings = { weights: defaultPriorityWeights, bands: defaultPriorityBands };

describe('webhookRetryDelayMs', () => {
  const policy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 5000, jitterRatio: 0.2 };

  it('doubles from the base, caps, and gives up after the last attempt', () => {
    expect([1, 2, 3, 4].map((failures) => webhookRetryDelayMs(failures, policy, 0.5))).toEqual([
      1000, 2000, 4000, 5000,
    ]);
    expect(webhookRetryDelayMs(5, policy, 0.5)).toBeNull();
  });

  it('spreads each wait by the jitter ratio either way', () => {
    expect(webhookRetryDelayMs(2, policy, 0)).toBe(1600);
    expect(webhookRetryDelayMs(2, policy, 0.999_999)).toBe(2400);
    expect(webhookRetryDelayMs(1, defaultWebhookRetryPolicy, 0.5)).toBe(30_000);
  });
});

describe('takeContiguousEvents', () => {
  const later = (ms: number) => new Date(now.getTime() + ms);

  it('consumes the run right after the cursor and stops at a hole', () => {
    expect(takeContiguousEvents(10, [11, 12, 14], null, now, 5000)).toEqual({ count: 2, gapSeenAt: null });
    expect(takeContiguousEvents(10, [], null, now, 5000)).toEqual({ count: 0, gapSeenAt: null });
  });

  it('waits at a hole after the cursor, then steps over that hole only', () => {
    const first = takeContiguousEvents(10, [12, 13, 15], null, now, 5000);
    expect(first).toEqual({ count: 0, gapSeenAt: now });
    expect(takeContiguousEvents(10, [12, 13, 15], now, later(4999), 5000)).toEqual({ count: 0, gapSeenAt: now });
    expect(takeContiguousEvents(10, [12, 13, 15], now, later(5000), 5000)).toEqual({ count: 2, gapSeenAt: null });
  });
});

describe('shapeWebhookPayload', () => {
  it('puts the event type, its time and its data with the envelope in a Standard Webhooks body', () => {
    const event: DomainEvent & { sequence: number } = {
      id: 'ev-1',
      sequence: 42,
      workspaceId: 'ws',
      occurredAt: now,
      actor: { type: 'agent', agentId: 'a-1' },
      ticketId: 't-1',
      customerId: 'c-1',
      type: 'ticket.assigned',
      data: { agentId: 'a-1', teamId: null, reason: 'by hand' },
    };
    expect(shapeWebhookPayload(event)).toEqual({
      type: 'ticket.assigned',
      timestamp: '2026-03-02T10:00:00.000Z',
      data: {
        eventId: 'ev-1',
        sequence: 42,
        workspaceId: 'ws',
        ticketId: 't-1',
        customerId: 'c-1',
        actor: { type: 'agent', agentId: 'a-1' },
        agentId: 'a-1',
        teamId: null,
        reason: 'by hand',
      },
    });
  });
});

const customer: Customer = {
  id: 'c-1',
  workspaceId: 'ws',
  displayName: 'Giulia',
  language: 'it',
  valueTier: 'standard',
  lifetimeValueCents: 0,
  purchasesCount: 0,
  crmId: null,
  followers: 10,
  isVerified: false,
  createdAt: now,
  updatedAt: now,
};

const ticket = {
  id: 't-1',
  workspaceId: 'ws',
  customerId: 'c-1',
  status: 'open',
  priorityScore: 30,
  priorityBand: 'normal',
  priorityContributions: [{ factor: 'severity', points: 30, reason: 'complaint' }],
} as unknown as Ticket;

describe('planCrmEnrichment', () => {
  it('applies the record, re-scores open tickets when the value changed, and says so in events', () => {
    const plan = planCrmEnrichment({
      customer,
      record: { crmId: 'CRM-9', valueTier: 'platinum', lifetimeValueCents: 2_500_000 },
      openTickets: [ticket],
      touchpoints: [],
      settings,
      now,
    });
    expect(plan.customer).toMatchObject({ crmId: 'CRM-9', valueTier: 'platinum', lifetimeValueCents: 2_500_000 });
    expect(plan.changedFields).toEqual(['crmId', 'valueTier', 'lifetimeValueCents']);
    const rescored = plan.tickets[0];
    expect(rescored?.priorityScore).toBeGreaterThan(30);
    expect(rescored?.priorityContributions.map((contribution) => contribution.factor)).toContain('customerValue');
    expect(plan.events.map((event) => event.type)).toEqual(['customer.enriched', 'ticket.prioritised']);
  });

  it('replaces the old customer-value addend by difference, keeping addends that were never itemised', () => {
    const scored = {
      ...ticket,
      priorityScore: 40,
      priorityContributions: [
        { factor: 'severity', points: 30, reason: 'complaint' },
        { factor: 'customerValue', points: 5, reason: 'standard tier' },
      ],
    };
    const plan = planCrmEnrichment({
      customer,
      record: { crmId: 'CRM-9', valueTier: 'platinum' },
      openTickets: [scored],
      touchpoints: [],
      settings,
      now,
    });
    // Platinum reads 0.9 of the customer-value weight; the 5 unexplained points stay.
    const points = Math.round(0.9 * defaultPriorityWeights.customerValue * 10) / 10;
    expect(plan.tickets[0]?.priorityScore).toBe(Math.round((40 - 5 + points) * 10) / 10);
    expect(plan.tickets[0]?.priorityContributions.filter((item) => item.factor === 'customerValue')).toEqual([
      { factor: 'customerValue', points, reason: expect.stringMatching(/^platinum tier/) },
    ]);
  });

  it('changes nothing when the CRM says what Ascolta knows', () => {
    const known = { ...customer, crmId: 'CRM-9' };
    const plan = planCrmEnrichment({
      customer: known,
      record: { crmId: 'CRM-9', valueTier: 'standard' },
      openTickets: [ticket],
      touchpoints: [],
      settings,
      now,
    });
    expect(plan).toEqual({ customer: null, changedFields: [], tickets: [], events: [] });
  });
});

describe('newPurchaseTouchpoints', () => {
  it('adds dated purchases the timeline lacks as order touchpoints, once', () => {
    let next = 0;
    const ids = { newId: () => `tp-${++next}` };
    const record = {
      crmId: 'CRM-9',
      purchases: [
        { id: 'A1', at: '2026-02-27T10:00:00Z', amountCents: 5000, description: 'Router' },
        { id: 'A2', at: 'not a date' },
        { id: 'A3' },
      ],
    };
    const [first, ...rest] = newPurchaseTouchpoints(customer, record, [], ids);
    expect(rest).toEqual([]);
    expect(first).toEqual({
      id: 'tp-1',
      workspaceId: 'ws',
      customerId: 'c-1',
      kind: 'order',
      source: 'crm',
      summary: 'Router',
      occurredAt: new Date('2026-02-27T10:00:00Z'),
      data: { orderId: 'A1', amountCents: 5000 },
    });
    expect(newPurchaseTouchpoints(customer, record, first === undefined ? [] : [first], ids)).toEqual([]);
  });
});

describe('CRM look-up keys and freshness', () => {
  const identity = (kind: Identity['kind'], value: string, channelKind: Identity['channelKind'] = null) =>
    ({ kind, value, channelKind }) as Identity;

  it('keys a look-up by its identities in any order, leaving order numbers out', () => {
    const a = crmIdentitiesOf([identity('email', 'g@example.it'), identity('handle', '42', 'x')]);
    const b = crmIdentitiesOf([
      identity('handle', '42', 'x'),
      identity('order', 'A1'),
      identity('email', 'g@example.it'),
    ]);
    expect(crmLookupKey(a)).toBe(crmLookupKey(b));
    expect(crmLookupKey(a)).toBe('email::g@example.it|handle:x:42');
  });

  it('reuses an answer within the TTL only', () => {
    const lookup = {
      workspaceId: 'ws',
      lookupKey: 'k',
      customerId: 'c-1',
      outcome: { kind: 'not-found' as const },
      fetchedAt: now,
      lastError: null,
      lastErrorAt: null,
      updatedAt: now,
    };
    expect(isCrmLookupFresh(lookup, 60, new Date(now.getTime() + 59_000))).toBe(true);
    expect(isCrmLookupFresh(lookup, 60, new Date(now.getTime() + 60_000))).toBe(false);
    expect(isCrmLookupFresh(null, 60, now)).toBe(false);
  });
});
