import { chooseAutoAnswer } from '../answer/choose-auto-answer.ts';
import type { Customer } from '../customer/customer.ts';
import { planInfoRequest } from '../info-request/plan-info-request.ts';
import type { PriorityResult } from '../priority/score-priority.ts';
import type { Ticket } from '../ticket/ticket.ts';
import { transitionTicket } from '../ticket/transition-ticket.ts';
import type { Triage } from '../triage/triage.ts';
import { applyDueDates } from './apply-due-dates.ts';
import { assignTicket } from './assign-ticket.ts';
import { linkIncident } from './link-incident.ts';
import { type CareContext, loadCareContext, staffingAt } from './load-care-context.ts';
import type { PipelineRun } from './pipeline-run.ts';
import { type OutboundDraft, queueOutbound } from './queue-outbound.ts';

const subjectLength = 120;

const newTicket = (
  run: PipelineRun,
  customer: Customer,
  triage: Triage,
  priority: PriorityResult,
): Omit<Ticket, 'number'> => {
  const { message, now } = run;
  return {
    id: run.deps.ids.newId(),
    workspaceId: run.workspaceId,
    customerId: customer.id,
    channelId: message.channelId,
    channelKind: message.channelKind,
    threadExternalId: message.threadExternalId,
    visibility: message.visibility,
    subject: (message.subject ?? message.text).replace(/\s+/g, ' ').trim().slice(0, subjectLength),
    status: 'new',
    priorityScore: priority.score,
    priorityBand: priority.band,
    priorityContributions: priority.contributions,
    category: triage.category,
    language: triage.language,
    assigneeId: null,
    teamId: null,
    incidentId: null,
    collectedFields: {},
    firstResponseDueAt: null,
    nextResponseDueAt: null,
    resolutionDueAt: null,
    firstResponseAt: null,
    waitingSince: now,
    resolvedAt: null,
    createdAt: now,
    updatedAt: now,
  };
};

const withStatus = (run: PipelineRun, ticket: Ticket, to: Ticket['status']): Ticket => {
  const status = transitionTicket(ticket.status, to);
  const envelope = {
    workspaceId: run.workspaceId,
    actor: { type: 'system' as const },
    ticketId: ticket.id,
    customerId: ticket.customerId,
  };
  run.events.push({ ...envelope, type: 'ticket.status-changed', data: { from: ticket.status, to: status } });
  return { ...ticket, status };
};

/** The bot's one interaction on a new ticket: ask for missing information, answer alone, or acknowledge. */
const firstContact = (run: PipelineRun, ticket: Ticket, customer: Customer, triage: Triage, care: CareContext) => {
  const { message, now } = run;
  const plan = planInfoRequest({
    infoRequest: care.infoRequest,
    entities: triage.entities,
    pii: triage.pii,
    visibility: message.visibility,
    language: ticket.language,
    customerName: customer.displayName,
    collectedFields: ticket.collectedFields,
    staffing: staffingAt(now, care.hours),
    tone: run.settings.tone,
    now,
  });
  const draft = (text: string | null, visibility: OutboundDraft['visibility'], purpose: OutboundDraft['purpose']) =>
    text === null ? [] : [{ ticket, text, visibility, purpose }];
  const collected = { ...ticket, collectedFields: plan.collectedFields };
  const acknowledgement = draft(plan.publicReply, 'public', 'acknowledgement');
  if (plan.missingFields.length > 0) {
    const envelope = {
      workspaceId: run.workspaceId,
      actor: { type: 'system' as const },
      ticketId: ticket.id,
      customerId: ticket.customerId,
    };
    run.events.push({ ...envelope, type: 'ticket.info-requested', data: { fields: plan.missingFields } });
    const waiting = { ...withStatus(run, collected, 'awaiting_customer'), waitingSince: null };
    return {
      ticket: waiting,
      drafts: [...acknowledgement, ...draft(plan.privateMessage, 'private', 'info-request')],
      reminder: plan.reminder,
    };
  }
  const auto = chooseAutoAnswer({
    triage,
    language: ticket.language,
    templates: care.answerTemplates,
    automation: run.settings.automation,
    variables: {
      'customer.name': customer.displayName,
      'ticket.number': ticket.number,
      'ticket.category': ticket.category,
    },
  });
  if (auto.kind === 'answer') {
    const resolved = {
      ...withStatus(run, collected, 'resolved'),
      resolvedAt: now,
      firstResponseAt: now,
      waitingSince: null,
    };
    run.events.push({
      workspaceId: run.workspaceId,
      actor: { type: 'system' },
      ticketId: ticket.id,
      customerId: ticket.customerId,
      type: 'ticket.resolved',
      data: { isAutomated: true },
    });
    return { ticket: resolved, drafts: draft(auto.text, message.visibility, 'auto-answer'), reminder: null };
  }
  return {
    ticket: collected,
    drafts: [...acknowledgement, ...draft(plan.privateMessage, 'private', 'acknowledgement')],
    reminder: null,
  };
};

/** Opens a ticket for an actionable message nobody is handling yet, and gives it all the first care. */
export const openTicket = async (
  run: PipelineRun,
  context: { customer: Customer; triage: Triage; priority: PriorityResult },
): Promise<Ticket> => {
  const { customer, triage, priority } = context;
  const { repos } = run.deps;
  const envelope = { workspaceId: run.workspaceId, actor: { type: 'system' as const }, customerId: customer.id };
  const inserted = await repos.tickets.insert(newTicket(run, customer, triage, priority));
  run.events.push({
    ...envelope,
    ticketId: inserted.id,
    type: 'ticket.opened',
    data: { category: inserted.category, priorityBand: inserted.priorityBand, channelId: inserted.channelId },
  });
  run.events.push({
    ...envelope,
    ticketId: inserted.id,
    type: 'ticket.prioritised',
    data: { score: priority.score, band: priority.band },
  });
  const care = await loadCareContext(run, inserted.category);
  const contact = firstContact(run, await linkIncident(run, inserted), customer, triage, care);
  let ticket = contact.ticket;
  if (ticket.status !== 'resolved') ticket = await assignTicket(run, ticket, { sentiment: triage.sentiment, customer });
  ticket = await applyDueDates(run, ticket, care);
  await repos.tickets.update(ticket);
  for (const draft of contact.drafts) await queueOutbound(run, { ...draft, ticket });
  if (contact.reminder !== null) {
    const payload = { workspaceId: run.workspaceId, ticketId: ticket.id, text: contact.reminder.text };
    await repos.jobs.send('info-request.remind', payload, {
      startAfter: contact.reminder.at,
      singletonKey: `remind:${ticket.id}`,
    });
  }
  return ticket;
};
