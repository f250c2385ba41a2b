import type { Customer } from '../customer/customer.ts';
import { DomainError } from '../errors/domain-error.ts';
import { stampEvent } from '../events/stamp-event.ts';
import type { Message } from '../message/message.ts';
import { contactsAsTouchpoints } from '../priority/contacts-as-touchpoints.ts';
import { scorePriority } from '../priority/score-priority.ts';
import type { RuleOutcome } from '../rule/evaluate-rules.ts';
import { readSurveyAnswer } from '../survey/read-survey-answer.ts';
import { scheduleSurveys } from '../survey/schedule-surveys.ts';
import { type ThreadDecision, threadMessage } from '../threading/thread-message.ts';
import type { Ticket } from '../ticket/ticket.ts';
import type { Triage } from '../triage/triage.ts';
import { evaluateMessageRules, priorityWithRules, ruleRoutingTarget, triageWithRules } from './apply-rules.ts';
import { continueTicket } from './continue-ticket.ts';
import { identifyCustomer } from './identify-customer.ts';
import { openTicket } from './open-ticket.ts';
import { type PipelineRun, type ProcessInboundDeps, resolvePipelineSettings } from './pipeline-run.ts';
import { raiseOtherTickets } from './raise-other-tickets.ts';
import { type RunRepositories, runRepositories, runSnapshot } from './run-repositories.ts';

export type ProcessInboundResult =
  | { outcome: 'already-processed' }
  | { outcome: 'ignored'; reason: string }
  | { outcome: 'survey-answer'; ticketId: string; surveyId: string }
  | { outcome: 'ticket-opened'; ticketId: string }
  | { outcome: 'ticket-continued'; ticketId: string; as: Exclude<ThreadDecision['kind'], 'new-ticket'> };

/** Touchpoints this old or older do not change today's priority. */
const touchpointLookbackDays = 30;

/** A message is processed once triage, a ticket or an ignore reason is stored on it, all in one transaction. */
const isProcessed = (message: Message): boolean =>
  message.triage !== null || message.ticketId !== null || message.ignoredReason !== null;

const startRun = async (deps: ProcessInboundDeps, workspaceId: string, message: Message): Promise<PipelineRun> => {
  const channel = await deps.repos.channels.get(workspaceId, message.channelId);
  if (channel === null) throw new DomainError('unknown-channel', `Channel ${message.channelId} does not exist.`);
  const settings = resolvePipelineSettings(await deps.repos.settings.get(workspaceId));
  return { deps, now: deps.clock.now(), workspaceId, message, channel, settings, events: [] };
};

const classify = async (run: PipelineRun): Promise<Triage> => {
  const { message } = run;
  const repliedTo =
    message.inReplyToExternalId === null
      ? null
      : await run.deps.repos.messages.findByExternalId(message.channelId, message.inReplyToExternalId);
  return run.deps.classifier.classify({
    text: message.subject === null ? message.text : `${message.subject}\n${message.text}`,
    channel: message.channelKind,
    visibility: message.visibility,
    isReplyToBrand: repliedTo?.direction === 'outbound',
    ...(message.language === null ? {} : { languageHint: message.language }),
  });
};

/** A customer's first message tells us their language; later ones do not override it (the CRM may have set it). */
const learnLanguage = async (run: PipelineRun, customer: Customer, triage: Triage): Promise<Customer> => {
  if (customer.language !== null) return customer;
  const updated = { ...customer, language: triage.language, updatedAt: run.now };
  await run.deps.repos.customers.update(updated);
  return updated;
};

interface ThreadContext {
  decision: ThreadDecision;
  /** The customer's tickets, newest first (at most 50). */
  customerTickets: Ticket[];
}

const decideThread = async (run: PipelineRun, customer: Customer, triage: Triage): Promise<ThreadContext> => {
  const { repos } = run.deps;
  const { message, workspaceId } = run;
  const repliedTo =
    message.inReplyToExternalId === null
      ? null
      : await repos.messages.findByExternalId(message.channelId, message.inReplyToExternalId);
  const byReply = repliedTo?.ticketId ? await repos.tickets.get(workspaceId, repliedTo.ticketId) : null;
  const byThread = await repos.tickets.list({
    workspaceId,
    channelId: message.channelId,
    threadExternalId: message.threadExternalId,
    limit: 1,
  });
  // A customer created by this run has no tickets yet.
  const customerTickets = isNewCustomer(run, customer)
    ? { items: [] }
    : await repos.tickets.list({ workspaceId, customerId: customer.id, limit: 50 });
  const decision = threadMessage({
    message: { customerId: customer.id, receivedAt: message.receivedAt, visibility: message.visibility },
    category: triage.actionable ? triage.category : null,
    threadTicket: byReply ?? byThread.items[0] ?? null,
    customerTickets: customerTickets.items,
    options: run.settings.threading,
  });
  return { decision, customerTickets: customerTickets.items };
};

/** Created by this run: nothing in the database refers to them yet (no tickets, messages or touchpoints). */
const isNewCustomer = (run: PipelineRun, customer: Customer): boolean =>
  run.events.some((event) => event.type === 'customer.created' && event.customerId === customer.id);

/** The customer's touchpoints and latest inbound messages: their contacts on other channels. */
const readHistory = async (run: PipelineRun, customer: Customer) => {
  if (isNewCustomer(run, customer)) return { logged: [], contacts: [] };
  const since = new Date(run.now.getTime() - touchpointLookbackDays * 24 * 3_600_000);
  const [logged, contacts] = await Promise.all([
    run.deps.repos.touchpoints.listByCustomer(run.workspaceId, customer.id, since),
    // Newest first: the last 50 are plenty for a factor that looks back one day.
    run.deps.repos.messages.list({
      workspaceId: run.workspaceId,
      customerId: customer.id,
      direction: 'inbound',
      limit: 50,
    }),
  ]);
  return { logged, contacts: contacts.items };
};
type History = Awaited<ReturnType<typeof readHistory>>;

const prioritise = (run: PipelineRun, customer: Customer, triage: Triage, repeatContacts: number, history: History) => {
  const touchpoints = [...history.logged, ...contactsAsTouchpoints(history.contacts, run.message.channelId)];
  return scorePriority(
    { triage, customer, repeatContacts, touchpoints, slaMinutesLeft: null, now: run.now },
    run.settings.priority,
  );
};

/**
 * Earlier tickets of the customer within the repeat window: recent contacts raise priority. Counted from the
 * customer's 50 newest tickets that threading already read (the same count a query capped at 50 would give).
 */
const recentContacts = (run: PipelineRun, customerTickets: readonly Ticket[]): number => {
  const createdAfter = run.now.getTime() - run.settings.threading.repeatWindowMinutes * 60_000;
  return customerTickets.filter((ticket) => ticket.createdAt.getTime() >= createdAfter).length;
};

const ignoreReason = (
  run: PipelineRun,
  triage: Triage,
  decision: ThreadDecision,
  rules: RuleOutcome,
): string | null => {
  const ownHandle = run.channel.handle?.toLowerCase();
  // Connectors drop echoes of our own posts; this keeps one that slipped through out of the inbox.
  if (ownHandle !== undefined && run.message.authorHandle.toLowerCase() === ownHandle) return 'our own message';
  // A supervisor's ignore rule keeps new conversations out of the inbox, never a follow-up of a ticket.
  if (rules.ignoreReason !== null && decision.kind === 'new-ticket') return rules.ignoreReason;
  if (triage.actionable || decision.kind !== 'new-ticket') return null;
  const why = triage.explanation.length > 0 ? `: ${triage.explanation.join('; ')}` : '';
  return `not actionable (${triage.kind})${why}`;
};

/** The message written once, the run's events in one insert, its jobs in one insert. */
const finish = async (run: PipelineRun, repos: RunRepositories, updates: Partial<Message>): Promise<void> => {
  await run.deps.repos.messages.update({ ...run.message, ...updates });
  const events = run.events.map((event) => stampEvent(event, run.now, run.deps.ids));
  if (events.length > 0) await run.deps.repos.events.append(events);
  await scheduleSurveys(run.deps.repos, run.events);
  await repos.flushJobs();
};

/**
 * Takes one stored inbound message through the care pipeline: customer, triage, threading, priority,
 * information request or auto-answer, routing and SLA. Designed to run inside one `store.transaction`
 * with that transaction's repositories, so its writes, events and jobs commit together; running it
 * again for the same message changes nothing.
 */
export const processInbound = async (
  deps: ProcessInboundDeps,
  ref: { workspaceId: string; messageId: string },
): Promise<ProcessInboundResult> => {
  const message = await deps.repos.messages.get(ref.workspaceId, ref.messageId);
  if (message === null) throw new DomainError('not-found', `Message ${ref.messageId} does not exist.`);
  if (message.direction !== 'inbound') throw new DomainError('invalid-input', `Message ${message.id} is not inbound.`);
  if (isProcessed(message)) return { outcome: 'already-processed' };
  const snapshot =
    deps.configCache === undefined
      ? runSnapshot(ref.workspaceId)
      : await deps.configCache.snapshot(deps.repos, ref.workspaceId);
  const repos = runRepositories(deps.repos, snapshot);
  const run = await startRun({ ...deps, repos: repos.repos }, ref.workspaceId, message);
  let classified: Promise<Triage> | null = null;
  const classifyOnce = () => {
    classified ??= classify(run);
    return classified;
  };
  const survey = await readSurveyAnswer(run, classifyOnce);
  if (survey.kind === 'read') {
    await finish(run, repos, survey.updates);
    return { outcome: 'survey-answer', ticketId: survey.survey.ticketId, surveyId: survey.survey.id };
  }
  const byModel = await classifyOnce();
  const identified = await identifyCustomer(run, byModel);
  // The customer's messages on other channels wait from here: threading and priority see their tickets.
  await run.deps.repos.customers.lockForCare(run.workspaceId, identified.id);
  // A supervisor may have merged this customer into another while the message waited for the lock: the
  // transaction fails and the job's retry finds the author on the surviving customer.
  if ((await run.deps.repos.customers.get(run.workspaceId, identified.id)) === null)
    throw new DomainError('conflict', `Customer ${identified.id} was merged into another while this message waited.`);
  const customer = await learnLanguage(run, identified, byModel);
  const rules = await evaluateMessageRules(run, byModel, customer);
  const triage = triageWithRules(byModel, rules);
  const { decision, customerTickets } = await decideThread(run, customer, triage);
  const stored = { customerId: customer.id, triage, language: message.language ?? triage.language };
  const reason = ignoreReason(run, triage, decision, rules);
  if (reason !== null) {
    run.events.push({
      type: 'message.ignored',
      workspaceId: run.workspaceId,
      actor: { type: 'system' },
      ticketId: null,
      customerId: customer.id,
      data: {
        messageId: message.id,
        reason,
        kind: triage.kind,
        category: triage.category,
        language: stored.language,
      },
    });
    await finish(run, repos, { ...stored, ignoredReason: reason });
    return { outcome: 'ignored', reason };
  }
  const ticket = await ticketFor(run, decision, { customer, triage, rules }, customerTickets);
  await finish(run, repos, { ...stored, ticketId: ticket.id });
  return decision.kind === 'new-ticket'
    ? { outcome: 'ticket-opened', ticketId: ticket.id }
    : { outcome: 'ticket-continued', ticketId: ticket.id, as: decision.kind };
};

const ticketFor = async (
  run: PipelineRun,
  decision: ThreadDecision,
  context: { customer: Customer; triage: Triage; rules: RuleOutcome },
  customerTickets: readonly Ticket[],
): Promise<Ticket> => {
  const { customer, triage, rules } = context;
  let read: Promise<History> | null = null;
  const history = () => {
    read ??= readHistory(run, customer);
    return read;
  };
  const score = async (repeatContacts: number) =>
    priorityWithRules(prioritise(run, customer, triage, repeatContacts, await history()), rules, run.settings.priority);
  const ticket =
    decision.kind === 'new-ticket'
      ? await openTicket(run, {
          customer,
          triage,
          priority: await score(recentContacts(run, customerTickets)),
          ruleTarget: ruleRoutingTarget(rules),
        })
      : await continueTicket(run, decision, { customer, triage, rescore: score });
  await raiseOtherTickets(run, { customer, current: ticket, customerTickets, history });
  return ticket;
};
