import { stampEvent } from '../events/stamp-event.ts';
import type { IdGenerator } from '../ports/clock.ts';
import type { JobPayloads } from '../ports/job-queue.ts';
import type { Repositories } from '../ports/store.ts';
import { draftSurveyQuestion } from './draft-survey-question.ts';
import { planSurvey, type SurveySkipReason } from './plan-survey.ts';
import type { Survey } from './survey.ts';
import { defaultSurveySettings } from './survey-settings.ts';

export interface SendSurveyDeps {
  /** The surrounding transaction's repositories: survey, question and its send job commit together. */
  repos: Repositories;
  ids: IdGenerator;
  now: Date;
  /** The signed answer page of a survey, or null when the server offers none. */
  linkFor: (survey: { workspaceId: string; id: string }, expiresAt: Date) => string | null;
}

export type SendSurveyResult = { kind: 'sent'; survey: Survey } | { kind: 'skipped'; reason: SurveySkipReason };

/**
 * The `survey.send` job: when the delay is over and the ticket is still resolved, asks the customer the one
 * CSAT or NPS question privately on the ticket's channel, in their language, with buttons where the channel
 * has them and a signed link otherwise; queues it for `outbound.send` and records `survey.sent`.
 */
export const sendSurvey = async (deps: SendSurveyDeps, job: JobPayloads['survey.send']): Promise<SendSurveyResult> => {
  const { repos, now } = deps;
  const ticket = await repos.tickets.get(job.workspaceId, job.ticketId);
  if (ticket === null) return { kind: 'skipped', reason: 'ticket-reopened' };
  const settings = (await repos.settings.get(job.workspaceId))?.surveys ?? defaultSurveySettings;
  const [existing, latest, customerMessages, customer, channel] = await Promise.all([
    repos.surveys.findByTicket(job.workspaceId, ticket.id),
    repos.surveys.findLatestForCustomer(job.workspaceId, ticket.customerId),
    repos.messages.list({ workspaceId: job.workspaceId, ticketId: ticket.id, direction: 'inbound', limit: 1 }),
    repos.customers.get(job.workspaceId, ticket.customerId),
    repos.channels.get(job.workspaceId, ticket.channelId),
  ]);
  const answering = customerMessages.items[0];
  const plan = planSurvey({
    settings,
    ticket,
    resolvedAt: job.resolvedAt === undefined ? (ticket.resolvedAt ?? now) : new Date(job.resolvedAt),
    isAutomated: job.isAutomated ?? false,
    lastSurveyedAt: latest?.sentAt ?? null,
    hasSurveyForTicket: existing !== null,
    hasCustomerMessage: answering !== undefined && channel !== null,
    now,
  });
  if (plan.kind === 'skip') return { kind: 'skipped', reason: plan.reason };
  if (answering === undefined || channel === null) return { kind: 'skipped', reason: 'no-customer-message' };
  const surveyId = deps.ids.newId();
  const { survey, message, event } = draftSurveyQuestion({
    surveyId,
    messageId: deps.ids.newId(),
    kind: plan.surveyKind,
    expiresAt: plan.expiresAt,
    ticket,
    channel,
    answering,
    language: customer?.language ?? ticket.language,
    link: deps.linkFor({ workspaceId: ticket.workspaceId, id: surveyId }, plan.expiresAt),
    now,
  });
  await repos.surveys.insert(survey);
  await repos.messages.insertIdempotent(message);
  const send = { workspaceId: ticket.workspaceId, messageId: message.id };
  await repos.jobs.send('outbound.send', send, { singletonKey: message.id });
  await repos.events.append([stampEvent(event, now, deps.ids)]);
  return { kind: 'sent', survey };
};
