import type { Customer, Touchpoint } from '../customer/customer.ts';
import type { UnstampedEvent } from '../events/stamp-event.ts';
import type { IdGenerator } from '../ports/clock.ts';
import { rescoreFactor } from '../priority/rescore-factor.ts';
import type { PrioritySettings } from '../priority/score-priority.ts';
import type { Ticket } from '../ticket/ticket.ts';
import type { CrmCustomerRecord } from './crm.ts';

export interface CrmEnrichmentPlan {
  /** The customer with the CRM's values, or null when nothing changed. */
  customer: Customer | null;
  changedFields: string[];
  /** Open tickets whose score moved because the customer's value did. */
  tickets: Ticket[];
  events: UnstampedEvent[];
}

const valueFields = ['valueTier', 'lifetimeValueCents', 'purchasesCount'] as const;

/**
 * Re-scores a ticket for a customer whose value changed: only the customer-value addend is read again (the
 * same factor function the pipeline scores with) and replaces the old one; the others came from the message.
 */
const rescore = (
  ticket: Ticket,
  customer: Customer,
  touchpoints: readonly Touchpoint[],
  settings: PrioritySettings,
  now: Date,
): Ticket =>
  // The customer-value factor reads only the customer and the touchpoints; the triage is a placeholder.
  rescoreFactor(
    ticket,
    'customerValue',
    {
      triage: { kind: 'other', sentiment: 0, urgency: [], scores: {} },
      customer,
      repeatContacts: 0,
      touchpoints,
      slaMinutesLeft: null,
      now,
    },
    settings,
  );

/** Applies a CRM record to a customer and re-scores their open tickets when their value changed. */
export const planCrmEnrichment = (input: {
  customer: Customer;
  record: CrmCustomerRecord;
  openTickets: readonly Ticket[];
  touchpoints: readonly Touchpoint[];
  settings: PrioritySettings;
  now: Date;
}): CrmEnrichmentPlan => {
  const { customer, record, now } = input;
  const next: Customer = {
    ...customer,
    crmId: record.crmId,
    valueTier: record.valueTier ?? customer.valueTier,
    lifetimeValueCents: record.lifetimeValueCents ?? customer.lifetimeValueCents,
    purchasesCount: record.purchasesCount ?? record.purchases?.length ?? customer.purchasesCount,
    updatedAt: now,
  };
  const changedFields = (['crmId', ...valueFields] as const).filter((field) => next[field] !== customer[field]);
  if (changedFields.length === 0) return { customer: null, changedFields: [], tickets: [], events: [] };
  const envelope = { workspaceId: customer.workspaceId, actor: { type: 'system' as const }, customerId: customer.id };
  const events: UnstampedEvent[] = [
    {
      ...envelope,
      type: 'customer.enriched',
      ticketId: null,
      data: {
        crmId: next.crmId,
        valueTier: next.valueTier,
        lifetimeValueCents: next.lifetimeValueCents,
        purchasesCount: next.purchasesCount,
        changedFields,
      },
    },
  ];
  const valueChanged = changedFields.some((field) => field !== 'crmId');
  const tickets = valueChanged
    ? input.openTickets
        .map((ticket) => rescore(ticket, next, input.touchpoints, input.settings, now))
        .filter((ticket, index) => ticket.priorityScore !== input.openTickets[index]?.priorityScore)
    : [];
  for (const ticket of tickets) {
    events.push({
      ...envelope,
      type: 'ticket.prioritised',
      ticketId: ticket.id,
      data: { score: ticket.priorityScore, band: ticket.priorityBand },
    });
  }
  return { customer: next, changedFields, tickets, events };
};

// A CRM with a customer's whole order history should not flood their timeline.
const maxPurchaseTouchpoints = 200;

/**
 * The CRM's purchases that the customer's timeline lacks, as `order` touchpoints (source `crm`, `data.orderId`),
 * so agents see them and the customer-value factor counts recent ones. Purchases without a valid date are left out.
 */
export const newPurchaseTouchpoints = (
  customer: Pick<Customer, 'id' | 'workspaceId'>,
  record: CrmCustomerRecord,
  existing: readonly Touchpoint[],
  ids: IdGenerator,
): Touchpoint[] => {
  const known = new Set(
    existing.filter((touch) => touch.source === 'crm' && touch.kind === 'order').map((touch) => touch.data.orderId),
  );
  const touchpoints: Touchpoint[] = [];
  for (const purchase of (record.purchases ?? []).slice(0, maxPurchaseTouchpoints)) {
    const occurredAt = purchase.at === undefined ? null : new Date(purchase.at);
    if (occurredAt === null || Number.isNaN(occurredAt.getTime()) || known.has(purchase.id)) continue;
    known.add(purchase.id);
    touchpoints.push({
      id: ids.newId(),
      workspaceId: customer.workspaceId,
      customerId: customer.id,
      kind: 'order',
      source: 'crm',
      summary: purchase.description ?? `Order ${purchase.id}`,
      occurredAt,
      data: {
        orderId: purchase.id,
        ...(purchase.amountCents === undefined ? {} : { amountCents: purchase.amountCents }),
      },
    });
  }
  return touchpoints;
};
