import type { ChannelKind } from '../channel/channel.ts';

export const valueTiers = ['standard', 'silver', 'gold', 'platinum'] as const;
export type ValueTier = (typeof valueTiers)[number];

export interface Customer {
  id: string;
  workspaceId: string;
  displayName: string;
  /** Preferred language, ISO 639-1, learnt from the customer's messages or the CRM. */
  language: string | null;
  valueTier: ValueTier;
  lifetimeValueCents: number;
  purchasesCount: number;
  crmId: string | null;
  /** Largest follower count over the customer's social identities. */
  followers: number;
  isVerified: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type IdentityKind = 'handle' | 'email' | 'phone' | 'crm' | 'order';

/** One way to recognise a customer: a handle on a channel, an e-mail address, a phone number. */
export interface Identity {
  id: string;
  workspaceId: string;
  customerId: string;
  kind: IdentityKind;
  /** For handles: the channel kind the handle lives on; null for channel-independent identities. */
  channelKind: ChannelKind | null;
  /** Normalised value: lower-cased e-mail, E.164 phone, platform user id. */
  value: string;
  displayHandle: string | null;
  followers: number;
  isVerified: boolean;
  /** 1 when the customer proved it (wrote from it); lower when inferred from text. */
  confidence: number;
  createdAt: Date;
}

export type TouchpointKind = 'call' | 'email' | 'order' | 'visit' | 'chat' | 'note' | 'other';

/** Anything in the customer's timeline logged by another system: a hotline call, an order, an e-mail. */
export interface Touchpoint {
  id: string;
  workspaceId: string;
  customerId: string;
  kind: TouchpointKind;
  source: string;
  summary: string;
  occurredAt: Date;
  data: Readonly<Record<string, unknown>>;
}

/** How many rows a customer merge moved to the surviving customer, by kind. */
export interface CustomerMergeCounts {
  identities: number;
  tickets: number;
  messages: number;
  touchpoints: number;
  surveys: number;
}
