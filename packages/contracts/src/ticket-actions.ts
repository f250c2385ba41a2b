import { ticketStatuses, valueTiers } from '@ascolta/core';
import { z } from 'zod';
import { messageDto } from './message-dto.ts';
import { ticketDto } from './ticket-dto.ts';

export const idParams = z.object({ id: z.uuid() });

const personRef = z.object({ id: z.string(), name: z.string() });

export const customerSummaryDto = z.object({
  id: z.string(),
  displayName: z.string(),
  language: z.string().nullable(),
  valueTier: z.enum(valueTiers),
  lifetimeValueCents: z.number(),
  purchasesCount: z.number().int(),
  followers: z.number().int(),
  isVerified: z.boolean(),
});
export type CustomerSummaryDto = z.infer<typeof customerSummaryDto>;

export const ticketNoteDto = z.object({
  id: z.string(),
  text: z.string(),
  authorAgentId: z.string().nullable(),
  mentionedAgentIds: z.array(z.string()),
  createdAt: z.iso.datetime(),
});

/** One ticket with everything an agent needs to work it: the cross-channel timeline, notes, who holds it. */
export const ticketDetailDto = ticketDto.extend({
  customer: customerSummaryDto.nullable(),
  assignee: personRef.nullable(),
  team: personRef.nullable(),
  /** Every message of the ticket, oldest first, each with its delivery state and triage (with explanation). */
  messages: z.array(messageDto),
  notes: z.array(ticketNoteDto),
});
export type TicketDetailDto = z.infer<typeof ticketDetailDto>;

export const replyBody = z
  .object({
    visibility: z.enum(['public', 'private']).default('public'),
    text: z.string().max(20_000).optional(),
    templateId: z.uuid().optional(),
    /** Extra `{{variables}}` for the template; `customer.name`, `agent.name`, `ticket.number` are filled in. */
    variables: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
    /** Longer than the channel allows (X: 280): `split` into a numbered thread (default) or `reject` with 400. */
    overflow: z.enum(['split', 'reject']).default('split'),
  })
  .refine((body) => (body.text === undefined) !== (body.templateId === undefined), {
    message: 'send exactly one of `text` and `templateId`',
    path: ['text'],
  });
export type ReplyBody = z.infer<typeof replyBody>;

export const replyResponse = z.object({
  ticket: ticketDto,
  /** The queued outbound messages: more than one when the channel needed a thread. */
  messages: z.array(messageDto),
  delivery: z.enum(['free-form', 'message-tag', 'template-required', 'window-closed']),
});

export const noteBody = z.object({ text: z.string().min(1).max(10_000) });
export const noteResponse = z.object({ note: ticketNoteDto });

export const assignBody = z
  .object({
    agentId: z.uuid().nullable().optional(),
    teamId: z.uuid().nullable().optional(),
    /** When the ticket moves to another team, tell the customer where they wrote (default true). */
    notifyCustomer: z.boolean().optional(),
  })
  .refine((body) => body.agentId !== undefined || body.teamId !== undefined, {
    message: 'send `agentId` (null to unassign) and/or `teamId`',
    path: ['agentId'],
  });
export type AssignBody = z.infer<typeof assignBody>;

export const statusBody = z.object({ status: z.enum(ticketStatuses) });

export const nextTicketResponse = z.object({ ticket: ticketDto.nullable() });

export const mergeBody = z.object({ intoTicketId: z.uuid() });
export const mergeResponse = z.object({ ticket: ticketDto, movedMessageIds: z.array(z.string()) });

export const snoozeBody = z.object({ until: z.iso.datetime() });

export const convertBody = z.object({
  /** The right category, if triage got it wrong: kept as training feedback. */
  category: z.string().trim().min(1).max(100).optional(),
});
export const convertResponse = z.object({ ticket: ticketDto, message: messageDto });

export const triageCorrectionBody = z
  .object({
    /** The category the ticket should have had. */
    category: z.string().trim().min(1).max(100).optional(),
    /** `false`: the post needed no reply; the ticket is closed. */
    actionable: z.literal(false).optional(),
  })
  .refine((body) => body.category !== undefined || body.actionable !== undefined, {
    message: 'send `category` and/or `actionable: false`',
    path: ['category'],
  });
