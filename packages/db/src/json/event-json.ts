import {
  type Actor,
  type DomainEvent,
  type DomainEventType,
  messageKinds,
  priorityBands,
  ticketStatuses,
  valueTiers,
} from '@ascolta/core';
import { z } from 'zod';

export const actorJson: z.ZodType<Actor> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('agent'), agentId: z.string() }),
  z.object({ type: z.literal('system') }),
  z.object({ type: z.literal('customer'), customerId: z.string() }),
  z.object({ type: z.literal('integration'), apiKeyId: z.string() }),
]);

type EventData<T extends DomainEventType> = Extract<DomainEvent, { type: T }>['data'];

const slaTarget = z.enum(['first-response', 'next-response', 'resolution']);
const surveyKind = z.enum(['csat', 'nps']);

/** One schema per event type: a new event type does not compile until it is listed here. */
export const eventDataJson: { [T in DomainEventType]: z.ZodType<EventData<T>> } = {
  'message.received': z.object({ messageId: z.string(), channelId: z.string() }),
  'message.ignored': z.object({
    messageId: z.string(),
    reason: z.string(),
    kind: z.enum(messageKinds).optional(),
    category: z.string().optional(),
    language: z.string().optional(),
  }),
  'message.sent': z.object({
    messageId: z.string(),
    channelId: z.string(),
    isAutomated: z.boolean(),
    purpose: z.string().optional(),
  }),
  'message.failed': z.object({ messageId: z.string(), error: z.string() }),
  'customer.created': z.object({ displayName: z.string() }),
  'customer.linked': z.object({ identityId: z.string(), confidence: z.number(), evidence: z.string().optional() }),
  'customer.link-suggested': z.object({ candidateCustomerIds: z.array(z.string()), evidence: z.string() }),
  'customer.link-dismissed': z.object({ otherCustomerId: z.string() }),
  'customer.merged': z.object({
    fromCustomerId: z.string(),
    fromDisplayName: z.string(),
    moved: z.object({
      identities: z.number(),
      tickets: z.number(),
      messages: z.number(),
      touchpoints: z.number(),
      surveys: z.number(),
    }),
    filledFields: z.array(z.string()),
  }),
  'customer.enriched': z.object({
    crmId: z.string().nullable(),
    valueTier: z.enum(valueTiers),
    lifetimeValueCents: z.number(),
    purchasesCount: z.number(),
    changedFields: z.array(z.string()),
  }),
  'ticket.opened': z.object({
    category: z.string(),
    priorityBand: z.enum(priorityBands),
    channelId: z.string(),
    kind: z.enum(messageKinds).optional(),
    language: z.string().optional(),
    sentiment: z.number().optional(),
    keywords: z.array(z.string()).optional(),
  }),
  'ticket.status-changed': z.object({ from: z.enum(ticketStatuses), to: z.enum(ticketStatuses) }),
  'ticket.category-changed': z.object({ from: z.string(), to: z.string() }),
  'ticket.assigned': z.object({ agentId: z.string().nullable(), teamId: z.string().nullable(), reason: z.string() }),
  'ticket.prioritised': z.object({ score: z.number(), band: z.enum(priorityBands) }),
  'ticket.info-requested': z.object({ fields: z.array(z.string()) }),
  'ticket.info-collected': z.object({ fields: z.array(z.string()) }),
  'ticket.sla-at-risk': z.object({ target: slaTarget }),
  'ticket.sla-breached': z.object({ target: slaTarget }),
  'ticket.resolved': z.object({ isAutomated: z.boolean() }),
  'ticket.replied': z.object({ messageIds: z.array(z.string()), visibility: z.enum(['public', 'private']) }),
  'ticket.note-added': z.object({ text: z.string(), mentionedAgentIds: z.array(z.string()) }),
  'ticket.crm-linked': z.object({ crmReference: z.string() }),
  'ticket.merged': z.object({ intoTicketId: z.string() }),
  'ticket.snoozed': z.object({ until: z.string() }),
  'message.converted': z.object({ messageId: z.string() }),
  'incident.opened': z.object({ incidentId: z.string(), category: z.string() }),
  'incident.solution-published': z.object({ incidentId: z.string() }),
  'survey.sent': z.object({ surveyId: z.string(), kind: surveyKind, channelId: z.string() }),
  'survey.answered': z.object({
    surveyId: z.string(),
    kind: surveyKind,
    score: z.number(),
    comment: z.string().nullable(),
    isLowScore: z.boolean(),
  }),
  'survey.low-score': z.object({
    surveyId: z.string(),
    kind: surveyKind,
    score: z.number(),
    comment: z.string().nullable(),
    action: z.enum(['reopen', 'alert', 'none']),
    notifiedAgentIds: z.array(z.string()),
  }),
  'survey.expired': z.object({ surveyId: z.string(), reason: z.enum(['unreadable-answers']) }),
};

const isEventType = (type: string): type is DomainEventType => Object.hasOwn(eventDataJson, type);

/** Rebuilds a stored event's type and data, checking that they belong together. */
export const parseEventBody = (type: string, data: unknown): Pick<DomainEvent, 'type' | 'data'> => {
  if (!isEventType(type)) throw new Error(`stored event has an unknown type '${type}'`);
  // The pair is checked by the schema of its own type, which TypeScript cannot correlate by itself.
  return { type, data: eventDataJson[type].parse(data) } as Pick<DomainEvent, 'type' | 'data'>;
};
