import { channelKinds } from '@ascolta/core';
import { z } from 'zod';
import { messageDto } from './message-dto.ts';
import { customerSummaryDto } from './ticket-actions.ts';
import { ticketDto } from './ticket-dto.ts';

const touchpointKinds = ['call', 'email', 'order', 'visit', 'chat', 'note', 'other'] as const;

export const identityDto = z.object({
  id: z.string(),
  kind: z.enum(['handle', 'email', 'phone', 'crm', 'order']),
  channelKind: z.enum(channelKinds).nullable(),
  value: z.string(),
  displayHandle: z.string().nullable(),
  followers: z.number().int(),
  isVerified: z.boolean(),
  confidence: z.number(),
});
export type IdentityDto = z.infer<typeof identityDto>;

export const touchpointDto = z.object({
  id: z.string(),
  customerId: z.string(),
  kind: z.enum(touchpointKinds),
  source: z.string(),
  summary: z.string(),
  occurredAt: z.iso.datetime(),
  data: z.record(z.string(), z.unknown()),
});
export type TouchpointDto = z.infer<typeof touchpointDto>;

/** Another customer this one may be: the messages gave evidence both hold, too weak to merge them silently. */
export const linkSuggestionDto = z.object({
  customerId: z.string(),
  displayName: z.string(),
  /** What the messages had in common, e.g. `order-number A-7` or `e-mail anna@example.com`. */
  evidence: z.string(),
  suggestedAt: z.iso.datetime(),
});
export type LinkSuggestionDto = z.infer<typeof linkSuggestionDto>;

export const customerDetailDto = customerSummaryDto.extend({
  crmId: z.string().nullable(),
  identities: z.array(identityDto),
  /** The customer's tickets, newest first (at most 50). */
  tickets: z.array(ticketDto),
  satisfaction: z.object({
    surveysAnswered: z.number().int(),
    /** Mean of the answered CSAT scores (1–5), or null before the first answer. */
    averageScore: z.number().nullable(),
  }),
  /** Customers this one may be, newest first, without those already merged or dismissed. */
  linkSuggestions: z.array(linkSuggestionDto),
  createdAt: z.iso.datetime(),
});
export type CustomerDetailDto = z.infer<typeof customerDetailDto>;

export const customerMergeBody = z.object({ intoCustomerId: z.string().trim().min(1).max(200) });
export const customerMergeResponse = z.object({
  /** The surviving customer, which now holds everything the merged one had. */
  customerId: z.string(),
  moved: z.object({
    identities: z.number().int(),
    tickets: z.number().int(),
    messages: z.number().int(),
    touchpoints: z.number().int(),
    surveys: z.number().int(),
  }),
  filledFields: z.array(z.string()),
});
export type CustomerMergeResponse = z.infer<typeof customerMergeResponse>;

export const linkDismissBody = z.object({ customerId: z.string().trim().min(1).max(200) });
export const linkSuggestionsResponse = z.object({ linkSuggestions: z.array(linkSuggestionDto) });

export const timelineEntryDto = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('message'), at: z.iso.datetime(), message: messageDto }),
  z.object({ kind: z.literal('ticket'), at: z.iso.datetime(), ticket: ticketDto }),
  z.object({ kind: z.literal('touchpoint'), at: z.iso.datetime(), touchpoint: touchpointDto }),
]);
export const customerTimeline = z.object({ items: z.array(timelineEntryDto) });
export type CustomerTimeline = z.infer<typeof customerTimeline>;

/** How another system names the customer; at least one. Unknown customers are created. */
export const touchpointContact = z
  .object({
    email: z.email().max(320).optional(),
    /** E.164, e.g. `+393331234567`. */
    phone: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'a phone number in E.164 form such as +393331234567')
      .optional(),
    handle: z.object({ channelKind: z.enum(channelKinds), value: z.string().trim().min(1).max(200) }).optional(),
    crmId: z.string().trim().min(1).max(200).optional(),
    displayName: z.string().trim().min(1).max(200).optional(),
  })
  .refine((c) => c.email !== undefined || c.phone !== undefined || c.handle !== undefined || c.crmId !== undefined, {
    message: 'name the customer by `email`, `phone`, `handle` or `crmId`',
    path: ['email'],
  });
export type TouchpointContact = z.infer<typeof touchpointContact>;

export const touchpointBody = z.object({
  customer: touchpointContact,
  kind: z.enum(touchpointKinds),
  /** The system that logged it: `hotline`, `shop`, `crm`… */
  source: z.string().trim().min(1).max(100),
  summary: z.string().trim().min(1).max(2000),
  occurredAt: z.iso.datetime(),
  /** The other system's id: sending the same one again changes nothing and answers 200. */
  externalId: z.string().trim().min(1).max(200).optional(),
  data: z.record(z.string(), z.unknown()).default({}),
});
export type TouchpointBody = z.infer<typeof touchpointBody>;

export const touchpointResponse = z.object({
  touchpoint: touchpointDto,
  isNewCustomer: z.boolean(),
  /** False when `externalId` had been recorded before. */
  isNew: z.boolean(),
});
