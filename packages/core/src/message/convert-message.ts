import { DomainError } from '../errors/domain-error.ts';
import type { Actor } from '../events/domain-event.ts';
import type { UnstampedEvent } from '../events/stamp-event.ts';
import type { IdGenerator } from '../ports/clock.ts';
import { extractKeywords } from '../report/extract-keywords.ts';
import type { PriorityBandThresholds } from '../rule/rule.ts';
import type { Ticket } from '../ticket/ticket.ts';
import type { TriageFeedback } from '../triage/triage-feedback.ts';
import type { Message } from './message.ts';

export interface MessageConversion {
  ticket: Omit<Ticket, 'number'>;
  message: Message;
  feedback: TriageFeedback[];
  events: UnstampedEvent[];
}

/**
 * An agent decides an ignored post needs care: it becomes a ticket at the `normal` band, and the
 * correction is kept as triage feedback (actionable, and the category when the agent changed it).
 */
export const convertMessage = (
  message: Message,
  input: { category: string | null; agentId: string | null; actor: Actor; bands: PriorityBandThresholds },
  now: Date,
  ids: IdGenerator,
): MessageConversion => {
  if (message.direction !== 'inbound')
    throw new DomainError('invalid-input', 'Only a customer message can become a ticket.');
  if (message.ticketId !== null)
    throw new DomainError('conflict', `The message already belongs to ticket ${message.ticketId}.`);
  if (message.customerId === null)
    throw new DomainError('conflict', 'The message has no customer yet; wait for the pipeline to identify them.');
  const category = input.category ?? message.triage?.category ?? 'other';
  const ticket: Omit<Ticket, 'number'> = {
    id: ids.newId(),
    workspaceId: message.workspaceId,
    customerId: message.customerId,
    channelId: message.channelId,
    channelKind: message.channelKind,
    threadExternalId: message.threadExternalId,
    visibility: message.visibility,
    subject: message.subject ?? message.text.slice(0, 80),
    status: 'new',
    priorityScore: input.bands.normal,
    priorityBand: 'normal',
    priorityContributions: [{ factor: 'manual', points: input.bands.normal, reason: 'converted by an agent' }],
    category,
    language: message.language ?? message.triage?.language ?? 'it',
    assigneeId: input.agentId,
    teamId: null,
    incidentId: null,
    collectedFields: {},
    firstResponseDueAt: null,
    nextResponseDueAt: null,
    resolutionDueAt: null,
    firstResponseAt: null,
    waitingSince: message.receivedAt,
    resolvedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  const correction = (field: TriageFeedback['field'], label: string): TriageFeedback => ({
    id: ids.newId(),
    workspaceId: message.workspaceId,
    messageId: message.id,
    text: message.text,
    field,
    label,
    agentId: input.agentId,
    createdAt: now,
  });
  const feedback = [
    correction('actionable', 'true'),
    ...(input.category !== null && input.category !== message.triage?.category
      ? [correction('category', input.category)]
      : []),
  ];
  const envelope = {
    workspaceId: message.workspaceId,
    actor: input.actor,
    ticketId: ticket.id,
    customerId: message.customerId,
  };
  const events: UnstampedEvent[] = [
    {
      ...envelope,
      type: 'ticket.opened',
      data: {
        category,
        priorityBand: 'normal',
        channelId: message.channelId,
        ...(message.triage === null ? {} : { kind: message.triage.kind, sentiment: message.triage.sentiment }),
        language: ticket.language,
        keywords: extractKeywords(message.text),
      },
    },
    { ...envelope, type: 'message.converted', data: { messageId: message.id } },
  ];
  return { ticket, message: { ...message, ticketId: ticket.id, ignoredReason: null }, feedback, events };
};
