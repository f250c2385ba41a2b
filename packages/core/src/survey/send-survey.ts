import { stampEvent } from '../events/stamp-event.ts';
import { draftReplyMessage } from '../message/draft-reply-message.ts';
import type { IdGenerator } from '../ports/clock.ts';
import type { JobPayloads } from '../ports/job-queue.ts';
import type { Repositories } from '../ports/store.ts';
import { composeSurveyQuestion } from './compose-survey-question.ts';
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
  const language = customer?.language ?? ticket.language;
  const question = composeSurveyQuestion({
    surveyId,
    kind: plan.surveyKind,
    language,
    ticketNumber: ticket.number,
    channelKind: channel.kind,
    link: deps.linkFor({ workspaceId: ticket.workspaceId, id: surveyId }, plan.expiresAt),
  });
  const message = draftReplyMessage({
    id: deps.ids.newId(),
    now,
    channel,
    answering,
    ticket: { ...ticket, language: question.language },
    visibility: 'private',
    text: question.text,
    authorAgentId: null,
    metadata: {
      purpose: 'survey',
      isAutomated: true,
      surveyId,
      quickReplies: question.options,
      quickRepliesLabel: question.menuLabel,
    },
  });
  const survey: Survey = {
    id: surveyId,
    workspaceId: ticket.workspaceId,
    ticketId: ticket.id,
    customerId: ticket.customerId,
    kind: plan.surveyKind,
    status: 'sent',
    score: null,
    comment: null,
    sentAt: now,
    answeredAt: null,
    channelId: channel.id,
    threadExternalId: message.threadExternalId,
    language: question.language,
    questionMessageId: message.id,
    reaskedAt: null,
    expiresAt: plan.expiresAt,
  };
  await repos.surveys.insert(survey);
  await repos.messages.insertIdempotent(message);
  await repos.jobs.send(
    'outbound.send',
    { workspaceId: ticket.workspaceId, messageId: message.id },
    { singletonKey: message.id },
  );
  const sent = stampEvent(
    {
      type: 'survey.sent',
      workspaceId: ticket.workspaceId,
      actor: { type: 'system' },
      ticketId: ticket.id,
      customerId: ticket.customerId,
      data: { surveyId, kind: survey.kind, channelId: channel.id },
    },
    now,
    deps.ids,
  );
  await repos.events.append([sent]);
  return { kind: 'sent', survey };
};
