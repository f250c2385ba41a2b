import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../events/domain-event.ts';
import type { Customer } from './customer.ts';
import { linkDismissedEvent, linkSuggestionsOf, mergedInto, planCustomerMerge } from './merge-customers.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 9, minute));

const aCustomer = (id: string, overrides: Partial<Customer> = {}): Customer => ({
  id,
  workspaceId: 'ws',
  displayName: `Customer ${id}`,
  language: null,
  valueTier: 'standard',
  lifetimeValueCents: 0,
  purchasesCount: 0,
  crmId: null,
  followers: 0,
  isVerified: false,
  createdAt: at(0),
  updatedAt: at(0),
  ...overrides,
});

const envelope = (id: string, customerId: string, minute: number) => ({
  id,
  workspaceId: 'ws',
  occurredAt: at(minute),
  actor: { type: 'system' as const },
  ticketId: null,
  customerId,
});
const suggested = (
  id: string,
  customerId: string,
  candidates: string[],
  evidence: string,
  minute = 1,
): DomainEvent => ({
  ...envelope(id, customerId, minute),
  type: 'customer.link-suggested',
  data: { candidateCustomerIds: candidates, evidence },
});

describe('planCustomerMerge', () => {
  it('keeps the target attributes and fills the empty ones from the source', () => {
    const source = aCustomer('a', {
      language: 'it',
      crmId: 'CRM-1',
      valueTier: 'gold',
      lifetimeValueCents: 5000,
      purchasesCount: 3,
      followers: 900,
      isVerified: true,
      displayName: 'Giulia R.',
    });
    const target = aCustomer('b', { language: 'en', displayName: 'Giulia Rossi', followers: 10 });
    const plan = planCustomerMerge(source, target, at(5));
    expect(plan.target).toEqual({
      ...target,
      crmId: 'CRM-1',
      valueTier: 'gold',
      lifetimeValueCents: 5000,
      purchasesCount: 3,
      followers: 900,
      isVerified: true,
      updatedAt: at(5),
    });
    expect(plan.filledFields).toEqual([
      'crmId',
      'valueTier',
      'lifetimeValueCents',
      'purchasesCount',
      'followers',
      'isVerified',
    ]);
  });

  it('refuses to merge a customer into itself or into another workspace', () => {
    expect(() => planCustomerMerge(aCustomer('a'), aCustomer('a'), at(1))).toThrow(/into itself/);
    expect(() => planCustomerMerge(aCustomer('a'), aCustomer('b', { workspaceId: 'other' }), at(1))).toThrow(
      expect.objectContaining({ code: 'not-found' }),
    );
    expect(() => linkDismissedEvent('a', 'a', 'ws', { type: 'system' })).toThrow(/itself/);
  });
});

describe('linkSuggestionsOf', () => {
  it('lists the candidates of its own suggestions and the customers that named it as a candidate', () => {
    const events = [
      suggested('e1', 'a', ['b', 'c'], 'order-number A-7', 1),
      suggested('e2', 'd', ['a'], 'e-mail x', 2),
    ];
    expect(linkSuggestionsOf('a', events)).toEqual([
      { customerId: 'd', evidence: 'e-mail x', suggestedAt: at(2) },
      { customerId: 'b', evidence: 'order-number A-7', suggestedAt: at(1) },
      { customerId: 'c', evidence: 'order-number A-7', suggestedAt: at(1) },
    ]);
    expect(linkSuggestionsOf('b', events)).toEqual([
      { customerId: 'a', evidence: 'order-number A-7', suggestedAt: at(1) },
    ]);
  });

  it('keeps the newest evidence per customer and never shows a pair dismissed or merged, from either side', () => {
    const events: DomainEvent[] = [
      suggested('e1', 'a', ['b', 'c', 'd'], 'order-number A-7', 1),
      suggested('e2', 'b', ['a'], 'phone +39333', 3),
      { ...envelope('e3', 'c', 4), type: 'customer.link-dismissed', data: { otherCustomerId: 'a' } },
      {
        ...envelope('e4', 'a', 5),
        type: 'customer.merged',
        data: {
          fromCustomerId: 'd',
          fromDisplayName: 'D',
          moved: { identities: 0, tickets: 0, messages: 0, touchpoints: 0, surveys: 0 },
          filledFields: [],
        },
      },
      suggested('e5', 'a', ['c'], 'order-number A-8', 6),
    ];
    expect(linkSuggestionsOf('a', events)).toEqual([{ customerId: 'b', evidence: 'phone +39333', suggestedAt: at(3) }]);
  });

  it('inherits the suggestions of the customers merged into it', () => {
    const events: DomainEvent[] = [
      suggested('e1', 'b', ['a', 'c'], 'order-number A-7', 1),
      {
        ...envelope('e2', 'a', 2),
        type: 'customer.merged',
        data: {
          fromCustomerId: 'b',
          fromDisplayName: 'B',
          moved: { identities: 0, tickets: 0, messages: 0, touchpoints: 0, surveys: 0 },
          filledFields: [],
        },
      },
    ];
    expect(mergedInto('a', events)).toEqual(['b']);
    expect(linkSuggestionsOf('a', events, ['b'])).toEqual([
      { customerId: 'c', evidence: 'order-number A-7', suggestedAt: at(1) },
    ]);
  });
});
