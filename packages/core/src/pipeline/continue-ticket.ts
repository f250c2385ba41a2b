import type { Customer } from '../customer/customer.ts';
import { applyCustomerAnswer } from '../info-request/apply-customer-answer.ts';
import type { PriorityResult } from '../priority/score-priority.ts';
import type { ThreadDecision } from '../threading/thread-message.ts';
import type { Ticket } from '../ticket/ticket.ts';
import { transitionTicket } from '../ticket/transition-ticket.ts';
import type { Triage } from '../triage/triage.ts';
import { answerRepeatPost } from './answer-repeat-post.ts';
import { applyDueDates } from './apply-due-dates.ts';
import { assignTicket } from './assign-ticket.ts';
import { loadCareContext } from './load-care-context.ts';
import type { PipelineRun } from './pipeline-run.ts';

type Continuation = Exclude<ThreadDecision, { kind: 'new-ticket' }>;

export interface ContinueContext {
  customer: Customer;
  triage: Triage;
  /** Scores the ticket again with this many earlier contacts; used by repeat posts. */
  rescore: (repeatContacts: number) => Promise<PriorityResult>;
}

const changeStatus = (run: PipelineRun, ticket: Ticket, to: Ticket['status']): Ticket => {
  const status = transitionTicket(ticket.status, to);
  if (status === ticket.status) return ticket;
  run.events.push({
    type: 'ticket.status-changed',
    workspaceId: run.workspaceId,
    actor: { type: 'customer', customerId: ticket.customerId },
    ticketId: ticket.id,
    customerId: ticket.customerId,
    data: { from: ticket.status, to: status },
  });
  return { ...ticket, status, resolvedAt: status === 'open' ? null : ticket.resolvedAt };
};

/** The customer wrote again: the ticket is theirs to wait on, and a paused or resolved one wakes up. */
const customerWrote = (run: PipelineRun, ticket: Ticket): Ticket => {
  const woken =
    ticket.status === 'pending' || ticket.status === 'resolved' ? changeStatus(run, ticket, 'open') : ticket;
  return { ...woken, waitingSince: woken.waitingSince ?? run.now, updatedAt: run.now };
};

const answerBot = async (run: PipelineRun, ticket: Ticket, context: ContinueContext): Promise<Ticket> => {
  const care = await loadCareContext(run, ticket.category);
  const result = applyCustomerAnswer({
    ticket,
    infoRequest: care.infoRequest,
    text: run.message.text,
    entities: context.triage.entities,
    now: run.now,
  });
  run.events.push(...result.events);
  if (result.outcome === 'incomplete' || result.ticket.assigneeId !== null) return result.ticket;
  return assignTicket(run, result.ticket, { sentiment: context.triage.sentiment, customer: context.customer });
};

const escalateForRepeat = async (run: PipelineRun, ticket: Ticket, context: ContinueContext): Promise<Ticket> => {
  const inbound = await run.deps.repos.messages.list({
    workspaceId: run.workspaceId,
    ticketId: ticket.id,
    direction: 'inbound',
    limit: 100,
  });
  const priority = await context.rescore(inbound.items.length);
  // Repeating a complaint only ever raises its priority.
  if (priority.score <= ticket.priorityScore) return ticket;
  run.events.push({
    type: 'ticket.prioritised',
    workspaceId: run.workspaceId,
    actor: { type: 'system' },
    ticketId: ticket.id,
    customerId: ticket.customerId,
    data: { score: priority.score, band: priority.band },
  });
  return {
    ...ticket,
    priorityScore: priority.score,
    priorityBand: priority.band,
    priorityContributions: priority.contributions,
  };
};

/** Adds the message to a ticket that already exists: a follow-up, a reopening reply or a repeat post. */
export const continueTicket = async (
  run: PipelineRun,
  decision: Continuation,
  context: ContinueContext,
): Promise<Ticket> => {
  let ticket = decision.ticket;
  if (decision.kind === 'follow-up' && ticket.status === 'awaiting_customer') {
    ticket = await answerBot(run, ticket, context);
  } else {
    ticket = customerWrote(run, ticket);
    if (decision.kind === 'repeat-post') ticket = await escalateForRepeat(run, ticket, context);
    if (ticket.assigneeId === null)
      ticket = await assignTicket(run, ticket, { sentiment: context.triage.sentiment, customer: context.customer });
  }
  ticket = await applyDueDates(run, ticket, await loadCareContext(run, ticket.category));
  await run.deps.repos.tickets.update(ticket);
  if (decision.kind === 'repeat-post') await answerRepeatPost(run, ticket, context.customer, context.triage);
  return ticket;
};
