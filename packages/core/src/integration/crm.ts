import type { ChannelKind } from '../channel/channel.ts';
import type { Identity, IdentityKind, ValueTier } from '../customer/customer.ts';

/** The company's CRM endpoints, configured by an admin. */
export interface CrmConnection {
  workspaceId: string;
  /** Called to look a customer up by their identities; null: no enrichment. */
  lookupUrl: string | null;
  /** Called by "create in CRM"; null: the action is unavailable. */
  createUrl: string | null;
  /** Sent as `Authorization: Bearer …` when set. */
  authToken: string | null;
  timeoutMs: number;
  /** How long a look-up's answer is reused for the same identities; 0: always ask. */
  cacheTtlSeconds: number;
  isEnabled: boolean;
  /** Customers created or linked up to this event sequence are not looked up automatically. */
  startSequence: number;
  updatedAt: Date;
}

/** One way the CRM may know the customer, as sent in a look-up. */
export interface CrmIdentity {
  kind: IdentityKind;
  /** The channel kind of a handle; null for e-mail, phone and other channel-free identities. */
  channel: ChannelKind | null;
  value: string;
}

/** What the CRM knows of a customer (every field optional but the id). */
export interface CrmCustomerRecord {
  crmId: string;
  valueTier?: ValueTier;
  lifetimeValueCents?: number;
  purchasesCount?: number;
  purchases?: ReadonlyArray<{ id: string; at?: string; amountCents?: number; description?: string }>;
}

export type CrmLookupOutcome = { kind: 'found'; record: CrmCustomerRecord } | { kind: 'not-found' };

/** The cached answer of a look-up for one set of identities, and the last failure. */
export interface CrmLookup {
  workspaceId: string;
  lookupKey: string;
  customerId: string;
  outcome: CrmLookupOutcome | null;
  fetchedAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  updatedAt: Date;
}

/** A ticket created in the CRM and the reference the CRM gave it. */
export interface CrmTicketLink {
  workspaceId: string;
  ticketId: string;
  crmReference: string;
  crmUrl: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The identities a look-up sends: proven ones and the CRM id first, in a stable order. */
export const crmIdentitiesOf = (identities: readonly Identity[]): CrmIdentity[] =>
  identities
    .filter((identity) => identity.kind !== 'order')
    .map((identity) => ({ kind: identity.kind, channel: identity.channelKind, value: identity.value }))
    .sort((a, b) => crmIdentityKey(a).localeCompare(crmIdentityKey(b)));

const crmIdentityKey = (identity: CrmIdentity): string =>
  `${identity.kind}:${identity.channel ?? ''}:${identity.value}`;

/** The cache key of a look-up: the same identities give the same key, a newly linked one a new key. */
export const crmLookupKey = (identities: readonly CrmIdentity[]): string =>
  identities.map(crmIdentityKey).sort().join('|');

/** Is a cached answer fetched at `fetchedAt` still good at `now`? */
export const isCrmLookupFresh = (lookup: CrmLookup | null, ttlSeconds: number, now: Date): boolean =>
  lookup?.outcome != null &&
  lookup.fetchedAt !== null &&
  now.getTime() - lookup.fetchedAt.getTime() < ttlSeconds * 1000;
