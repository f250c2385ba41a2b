import { DomainError } from '../errors/domain-error.ts';
import type { Actor } from '../events/domain-event.ts';
import type { UnstampedEvent } from '../events/stamp-event.ts';
import type { Message } from '../message/message.ts';
import type { IdGenerator } from '../ports/clock.ts';
import type { TriageFeedback } from '../triage/triage-feedback.ts';
import { changeTicketStatus } from './change-ticket-status.ts';
import type { Ticket } from './ticket.ts';

export interface TriageCorrection {
  /** The category the ticket should have had. */
  category?: string;
  /** `false`: the post needed no reply; the ticket is closed. */
  actionable?: false;
}

export interface TriageCorrectionInput {
  ticket: Ticket;
  /** The customer's message that opened the ticket: what the triage read. */
  openingMessage: Message;
  correction: TriageCorrection;
  agentId: string | null;
  actor: Actor;
}

export interface TriageCorrectionPlan {
  ticket: Ticket;
  feedback: TriageFeedback[];
  events: UnstampedEvent[];
}

/**
 * An agent's correction of what the triage decided for a ticket: a new category, or "not actionable" (the
 * ticket is closed). Each correction is kept as triage feedback for the next `ascolta triage train`.
 */
export const correctTicketTriage = (
  input: TriageCorrectionInput,
  now: Date,
  ids: IdGenerator,
): TriageCorrectionPlan => {
  const { ticket, openingMessage, correction } = input;
  if (ticket.status === 'closed') throw new DomainError('ticket-closed', 'A closed ticket cannot be corrected.');
  const feedbackOf = (field: TriageFeedback['field'], label: string): TriageFeedback => ({
    id: ids.newId(),
    workspaceId: ticket.workspaceId,
    messageId: openingMessage.id,
    text: openingMessage.text,
    field,
    label,
    agentId: input.agentId,
    createdAt: now,
  });
  const feedback: TriageFeedback[] = [];
  const events: UnstampedEvent[] = [];
  let corrected: Ticket = ticket;
  if (correction.category !== undefined && correction.category !== ticket.category) {
    corrected = { ...corrected, category: correction.category, updatedAt: now };
    feedback.push(feedbackOf('category', correction.category));
    events.push({
      type: 'ticket.category-changed',
      workspaceId: ticket.workspaceId,
      actor: input.actor,
      ticketId: ticket.id,
      customerId: ticket.customerId,
      data: { from: ticket.category, to: correction.category },
    });
  }
  if (correction.actionable !== false) return { ticket: corrected, feedback, events };
  feedback.push(feedbackOf('actionable', 'false'));
  const closed = changeTicketStatus(corrected, 'closed', input.actor, now);
  return { ticket: closed.ticket, feedback, events: [...events, ...closed.events] };
};
