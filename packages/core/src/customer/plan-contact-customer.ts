import type { ChannelKind } from '../channel/channel.ts';
import type { UnstampedEvent } from '../events/stamp-event.ts';
import type { IdGenerator } from '../ports/clock.ts';
import type { Customer, Identity, IdentityKind } from './customer.ts';

/** How another system (hotline, shop, CRM) names a customer. */
export interface Contact {
  email?: string;
  phone?: string;
  handle?: { channelKind: ChannelKind; value: string };
  crmId?: string;
  displayName?: string;
}

export interface IdentityKey {
  kind: IdentityKind;
  channelKind: ChannelKind | null;
  value: string;
}

/** The contact's identities, most reliable first: a CRM id, then e-mail, phone, social handle. */
export const contactIdentityKeys = (contact: Contact): IdentityKey[] => [
  ...(contact.crmId === undefined ? [] : [{ kind: 'crm' as const, channelKind: null, value: contact.crmId.trim() }]),
  ...(contact.email === undefined
    ? []
    : [{ kind: 'email' as const, channelKind: null, value: contact.email.trim().toLowerCase() }]),
  ...(contact.phone === undefined ? [] : [{ kind: 'phone' as const, channelKind: null, value: contact.phone.trim() }]),
  ...(contact.handle === undefined
    ? []
    : [
        {
          kind: 'handle' as const,
          channelKind: contact.handle.channelKind,
          value: contact.handle.value.trim().replace(/^@/, '').toLowerCase(),
        },
      ]),
];

/** A customer first met through another system, with every identity it was named by. */
export const planContactCustomer = (
  workspaceId: string,
  contact: Contact,
  now: Date,
  ids: IdGenerator,
): { customer: Customer; identities: Identity[]; events: UnstampedEvent[] } => {
  const keys = contactIdentityKeys(contact);
  const customer: Customer = {
    id: ids.newId(),
    workspaceId,
    displayName: contact.displayName ?? keys[0]?.value ?? 'unknown',
    language: null,
    valueTier: 'standard',
    lifetimeValueCents: 0,
    purchasesCount: 0,
    crmId: contact.crmId ?? null,
    followers: 0,
    isVerified: false,
    createdAt: now,
    updatedAt: now,
  };
  const identities: Identity[] = keys.map((key) => ({
    ...key,
    id: ids.newId(),
    workspaceId,
    customerId: customer.id,
    displayHandle: key.kind === 'handle' ? `@${key.value}` : null,
    followers: 0,
    isVerified: false,
    // Asserted by a trusted system, not proven by the customer writing from it.
    confidence: 0.9,
    createdAt: now,
  }));
  const event: UnstampedEvent = {
    type: 'customer.created',
    workspaceId,
    actor: { type: 'system' },
    ticketId: null,
    customerId: customer.id,
    data: { displayName: customer.displayName },
  };
  return { customer, identities, events: [event] };
};
