import type { Customer } from '../customer/customer.ts';
import type { PriorityResult } from '../priority/score-priority.ts';
import { extractKeywords } from '../report/extract-keywords.ts';
import type { Ticket } from '../ticket/ticket.ts';
import type { Triage } from '../triage/triage.ts';
import { applyDueDates } from './apply-due-dates.ts';
import { assignTicket, type RuleRoutingTarget } from './assign-ticket.ts';
import { linkIncident } from './link-incident.ts';
import { loadCareContext } from './load-care-context.ts';
import type { PipelineRun } from './pipeline-run.ts';
import { planFirstContact } from './plan-first-contact.ts';
import { queueOutbound } from './queue-outbound.ts';

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

/** Opens a ticket for an actionable message nobody is handling yet, and gives it all the first care. */
export const openTicket = async (
  run: PipelineRun,
  context: { customer: Customer; triage: Triage; priority: PriorityResult; ruleTarget?: RuleRoutingTarget },
): Promise<Ticket> => {
  const { customer, triage, priority, ruleTarget } = context;
  const { repos } = run.deps;
  const envelope = { workspaceId: run.workspaceId, actor: { type: 'system' as const }, customerId: customer.id };
  const inserted = await repos.tickets.insert(newTicket(run, customer, triage, priority));
  run.events.push({
    ...envelope,
    ticketId: inserted.id,
    type: 'ticket.opened',
    data: {
      category: inserted.category,
      priorityBand: inserted.priorityBand,
      channelId: inserted.channelId,
      kind: triage.kind,
      language: inserted.language,
      sentiment: triage.sentiment,
      keywords: extractKeywords(run.message.text),
    },
  });
  run.events.push({
    ...envelope,
    ticketId: inserted.id,
    type: 'ticket.prioritised',
    data: { score: priority.score, band: priority.band },
  });
  const care = await loadCareContext(run, inserted.category);
  const contact = planFirstContact({
    ticket: await linkIncident(run, inserted),
    customer,
    triage,
    care,
    visibility: run.message.visibility,
    automation: run.settings.automation,
    tone: run.settings.tone,
    now: run.now,
  });
  run.events.push(...contact.events);
  let ticket = contact.ticket;
  if (ticket.status !== 'resolved')
    ticket = await assignTicket(run, ticket, { sentiment: triage.sentiment, customer, ruleTarget });
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
