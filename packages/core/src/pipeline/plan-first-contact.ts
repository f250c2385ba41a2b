import { type CategoryAutomation, chooseAutoAnswer } from '../answer/choose-auto-answer.ts';
import type { Customer } from '../customer/customer.ts';
import type { UnstampedEvent } from '../events/stamp-event.ts';
import type { CareLanguage, ToneOfVoice } from '../info-request/care-texts.ts';
import { type InfoRequestPlan, planInfoRequest } from '../info-request/plan-info-request.ts';
import type { Ticket } from '../ticket/ticket.ts';
import { transitionTicket } from '../ticket/transition-ticket.ts';
import type { Triage, Visibility } from '../triage/triage.ts';
import { type CareContext, staffingAt } from './load-care-context.ts';
import type { OutboundDraft } from './queue-outbound.ts';

export interface FirstContactInput {
  ticket: Ticket;
  customer: Customer;
  triage: Triage;
  care: CareContext;
  /** Where the customer wrote: an automatic answer goes back there. */
  visibility: Visibility;
  automation: Readonly<Record<string, CategoryAutomation>>;
  tone: Partial<Record<CareLanguage, ToneOfVoice>>;
  now: Date;
}

export interface FirstContact {
  ticket: Ticket;
  drafts: Array<Omit<OutboundDraft, 'ticket'>>;
  reminder: InfoRequestPlan['reminder'];
  events: UnstampedEvent[];
}

type Draft = FirstContact['drafts'][number];
const draft = (text: string | null, visibility: Visibility, purpose: Draft['purpose']): Draft[] =>
  text === null ? [] : [{ text, visibility, purpose }];

const statusChange = (ticket: Ticket, to: Ticket['status']): UnstampedEvent => ({
  type: 'ticket.status-changed',
  workspaceId: ticket.workspaceId,
  actor: { type: 'system' },
  ticketId: ticket.id,
  customerId: ticket.customerId,
  data: { from: ticket.status, to: transitionTicket(ticket.status, to) },
});

const askForInformation = (ticket: Ticket, plan: InfoRequestPlan): FirstContact => ({
  // The customer now owes us an answer, so their waiting clock stops.
  ticket: { ...ticket, status: 'awaiting_customer', waitingSince: null },
  drafts: [
    ...draft(plan.publicReply, 'public', 'acknowledgement'),
    ...draft(plan.privateMessage, 'private', 'info-request'),
  ],
  reminder: plan.reminder,
  events: [
    {
      type: 'ticket.info-requested',
      workspaceId: ticket.workspaceId,
      actor: { type: 'system' },
      ticketId: ticket.id,
      customerId: ticket.customerId,
      data: { fields: plan.missingFields },
    },
    statusChange(ticket, 'awaiting_customer'),
  ],
});

const answerAutomatically = (ticket: Ticket, text: string, input: FirstContactInput): FirstContact => ({
  ticket: { ...ticket, status: 'resolved', resolvedAt: input.now, firstResponseAt: input.now, waitingSince: null },
  drafts: draft(text, input.visibility, 'auto-answer'),
  reminder: null,
  events: [
    statusChange(ticket, 'resolved'),
    {
      type: 'ticket.resolved',
      workspaceId: ticket.workspaceId,
      actor: { type: 'system' },
      ticketId: ticket.id,
      customerId: ticket.customerId,
      data: { isAutomated: true },
    },
  ],
});

/**
 * The bot's one interaction with the customer on a new ticket: ask for all missing information at
 * once, or answer alone when the category allows it, or else acknowledge so nobody waits in silence.
 */
export const planFirstContact = (input: FirstContactInput): FirstContact => {
  const { ticket, customer, triage, care, now } = input;
  const plan = planInfoRequest({
    infoRequest: care.infoRequest,
    entities: triage.entities,
    pii: triage.pii,
    visibility: input.visibility,
    language: ticket.language,
    customerName: customer.displayName,
    collectedFields: ticket.collectedFields,
    staffing: staffingAt(now, care.hours),
    tone: input.tone,
    now,
  });
  const collected = { ...ticket, collectedFields: plan.collectedFields };
  if (plan.missingFields.length > 0) return askForInformation(collected, plan);
  const auto = chooseAutoAnswer({
    triage,
    language: ticket.language,
    templates: care.answerTemplates,
    automation: input.automation,
    variables: {
      'customer.name': customer.displayName,
      'ticket.number': ticket.number,
      'ticket.category': ticket.category,
    },
  });
  if (auto.kind === 'answer') return answerAutomatically(collected, auto.text, input);
  const drafts = [
    ...draft(plan.publicReply, 'public', 'acknowledgement'),
    ...draft(plan.privateMessage, 'private', 'acknowledgement'),
  ];
  return { ticket: collected, drafts, reminder: null, events: [] };
};
