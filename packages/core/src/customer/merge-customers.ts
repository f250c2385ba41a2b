import { DomainError } from '../errors/domain-error.ts';
import type { Actor, DomainEvent } from '../events/domain-event.ts';
import type { UnstampedEvent } from '../events/stamp-event.ts';
import type { Customer, CustomerMergeCounts } from './customer.ts';

export interface CustomerMergePlan {
  /** The surviving customer: its own attributes, the empty ones filled from the merged one. */
  target: Customer;
  /** Which of the target's attributes came from the merged customer, for the audit trail. */
  filledFields: Array<keyof Customer>;
}

/**
 * Plans folding `source` into `target`: the target keeps what it knows and takes from the source what it
 * lacks (language, CRM id, value, purchases); reach is the larger of the two. The caller moves the rows.
 */
export const planCustomerMerge = (source: Customer, target: Customer, now: Date): CustomerMergePlan => {
  if (source.id === target.id)
    throw new DomainError('invalid-input', 'intoCustomerId: a customer cannot be merged into itself.');
  if (source.workspaceId !== target.workspaceId)
    throw new DomainError('not-found', `Customer ${target.id} does not exist.`);
  const filled: Partial<Customer> = {
    ...(target.language === null && source.language !== null ? { language: source.language } : {}),
    ...(target.crmId === null && source.crmId !== null ? { crmId: source.crmId } : {}),
    ...(target.valueTier === 'standard' && source.valueTier !== 'standard' ? { valueTier: source.valueTier } : {}),
    ...(target.lifetimeValueCents === 0 && source.lifetimeValueCents > 0
      ? { lifetimeValueCents: source.lifetimeValueCents }
      : {}),
    ...(target.purchasesCount === 0 && source.purchasesCount > 0 ? { purchasesCount: source.purchasesCount } : {}),
    ...(source.followers > target.followers ? { followers: source.followers } : {}),
    ...(source.isVerified && !target.isVerified ? { isVerified: true } : {}),
  };
  const filledFields = Object.keys(filled) as Array<keyof Customer>;
  return { target: { ...target, ...filled, updatedAt: now }, filledFields };
};

/** The `customer.merged` event of a merge, with the rows the store moved. */
export const customerMergedEvent = (
  source: Customer,
  plan: CustomerMergePlan,
  moved: CustomerMergeCounts,
  actor: Actor,
): UnstampedEvent => ({
  type: 'customer.merged',
  workspaceId: plan.target.workspaceId,
  actor,
  ticketId: null,
  customerId: plan.target.id,
  data: { fromCustomerId: source.id, fromDisplayName: source.displayName, moved, filledFields: plan.filledFields },
});

/** The event an agent records when a suggested customer is someone else. */
export const linkDismissedEvent = (customerId: string, otherCustomerId: string, workspaceId: string, actor: Actor) => {
  if (customerId === otherCustomerId)
    throw new DomainError('invalid-input', 'customerId: a customer is not a suggestion of itself.');
  const event: UnstampedEvent = {
    type: 'customer.link-dismissed',
    workspaceId,
    actor,
    ticketId: null,
    customerId,
    data: { otherCustomerId },
  };
  return event;
};

export interface LinkSuggestion {
  /** The other customer this one may be. */
  customerId: string;
  /** What the messages had in common, e.g. "order-number A-7". */
  evidence: string;
  suggestedAt: Date;
}

const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * The customers `customerId` may be, newest suggestion first, from the link events that name it (as the event's
 * customer or as a candidate). `mergedIds`: customers merged into it earlier, whose suggestions it inherits.
 * A pair an agent dismissed or merged never shows again, whatever evidence follows.
 */
export const linkSuggestionsOf = (
  customerId: string,
  events: readonly DomainEvent[],
  mergedIds: readonly string[] = [],
): LinkSuggestion[] => {
  const self = new Set([customerId, ...mergedIds]);
  const as = (id: string): string => (self.has(id) ? customerId : id);
  const settled = new Set<string>();
  for (const event of events) {
    if (event.customerId === null) continue;
    if (event.type === 'customer.link-dismissed')
      settled.add(pairKey(as(event.customerId), as(event.data.otherCustomerId)));
    if (event.type === 'customer.merged') settled.add(pairKey(as(event.customerId), as(event.data.fromCustomerId)));
  }
  const latest = new Map<string, LinkSuggestion>();
  for (const event of events) {
    if (event.type !== 'customer.link-suggested' || event.customerId === null) continue;
    const candidates = event.data.candidateCustomerIds.map(as);
    const others =
      as(event.customerId) === customerId ? candidates : candidates.includes(customerId) ? [event.customerId] : [];
    for (const other of others) {
      if (other === customerId || settled.has(pairKey(customerId, other))) continue;
      const previous = latest.get(other);
      if (previous === undefined || previous.suggestedAt <= event.occurredAt)
        latest.set(other, { customerId: other, evidence: event.data.evidence, suggestedAt: event.occurredAt });
    }
  }
  return [...latest.values()].sort((a, b) => b.suggestedAt.getTime() - a.suggestedAt.getTime());
};

/** The customers merged into `customerId`, directly or through an earlier merge, from its link events. */
export const mergedInto = (customerId: string, events: readonly DomainEvent[]): string[] =>
  events.flatMap((event) =>
    event.type === 'customer.merged' && event.customerId === customerId ? [event.data.fromCustomerId] : [],
  );
