import type { UnstampedEvent } from '../events/stamp-event.ts';
import type { Ticket } from '../ticket/ticket.ts';
import { transitionTicket } from '../ticket/transition-ticket.ts';
import type { Entity } from '../triage/triage.ts';
import { asksForHuman } from './asks-for-human.ts';
import type { InfoRequest } from './info-request.ts';
import { fillFieldsFromEntities } from './plan-info-request.ts';

export interface CustomerAnswerInput {
  ticket: Ticket;
  infoRequest: InfoRequest | null;
  /** The customer's reply and the entities triage found in it. */
  text: string;
  entities: readonly Entity[];
  now: Date;
}

export type CustomerAnswerOutcome =
  /** Every required field is known: a person takes over. */
  | 'complete'
  /** The customer asked for a person: the bot steps aside at once. */
  | 'handover'
  /** Fields are still missing: the ticket keeps waiting for the customer. */
  | 'incomplete';

export interface CustomerAnswerResult {
  ticket: Ticket;
  outcome: CustomerAnswerOutcome;
  filledFields: string[];
  missingFields: string[];
  events: UnstampedEvent[];
}

const fillFromReply = (input: CustomerAnswerInput, isHandover: boolean): Record<string, string> => {
  const fields = input.infoRequest?.fields ?? [];
  const filled = fillFieldsFromEntities(fields, input.entities, input.ticket.collectedFields);
  // The whole reply answers the first open free-text question, unless it only asked for a person.
  const freeText = fields.find((field) => field.entity === 'free-text' && filled[field.name] === undefined);
  if (freeText !== undefined && !isHandover && input.text.trim() !== '') filled[freeText.name] = input.text.trim();
  return filled;
};

/** Reads a customer's reply to the bot's request: fills fields, and opens the ticket when done or asked. */
export const applyCustomerAnswer = (input: CustomerAnswerInput): CustomerAnswerResult => {
  const { ticket } = input;
  const isHandover = asksForHuman(input.text);
  const collectedFields = fillFromReply(input, isHandover);
  const filledFields = Object.keys(collectedFields).filter((name) => ticket.collectedFields[name] === undefined);
  const missingFields = (input.infoRequest?.fields ?? [])
    .filter((field) => field.isRequired && collectedFields[field.name] === undefined)
    .map((field) => field.name);
  const outcome: CustomerAnswerOutcome = isHandover
    ? 'handover'
    : missingFields.length === 0
      ? 'complete'
      : 'incomplete';
  const envelope = { workspaceId: ticket.workspaceId, ticketId: ticket.id, customerId: ticket.customerId };
  const actor = { type: 'customer' as const, customerId: ticket.customerId };
  const events: UnstampedEvent[] = [];
  if (filledFields.length > 0) {
    events.push({ ...envelope, actor, type: 'ticket.info-collected', data: { fields: filledFields } });
  }
  const isWaiting = ticket.status === 'awaiting_customer';
  const status = isWaiting && outcome !== 'incomplete' ? transitionTicket(ticket.status, 'open') : ticket.status;
  if (status !== ticket.status) {
    events.push({ ...envelope, actor, type: 'ticket.status-changed', data: { from: ticket.status, to: status } });
  }
  const updated: Ticket = {
    ...ticket,
    collectedFields,
    status,
    // Once the bot is done, the customer waits for a person.
    waitingSince: status === 'open' ? (ticket.waitingSince ?? input.now) : ticket.waitingSince,
    updatedAt: input.now,
  };
  return { ticket: updated, outcome, filledFields, missingFields, events };
};
