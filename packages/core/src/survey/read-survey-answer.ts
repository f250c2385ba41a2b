import { draftReplyMessage } from '../message/draft-reply-message.ts';
import type { Message } from '../message/message.ts';
import { identityKey } from '../pipeline/identify-customer.ts';
import type { PipelineRun } from '../pipeline/pipeline-run.ts';
import type { Ticket } from '../ticket/ticket.ts';
import type { Triage } from '../triage/triage.ts';
import { mayBeNewMatter, planSurveyAnswer } from './plan-survey-answer.ts';
import { storeSurveyScore } from './store-survey-score.ts';
import type { Survey } from './survey.ts';

/** `read`: the message was the survey's (a score or the first unreadable answer) and goes no further. */
export type SurveyReading =
  | { kind: 'not-an-answer' }
  | { kind: 'read'; survey: Survey; updates: Pick<Message, 'customerId' | 'ticketId' | 'metadata'> };

const payloadOf = (message: Message): string | null => {
  const { quickReplyPayload, postbackPayload } = message.metadata;
  if (typeof quickReplyPayload === 'string') return quickReplyPayload;
  return typeof postbackPayload === 'string' ? postbackPayload : null;
};

const waitingSurvey = async (run: PipelineRun): Promise<Survey | null> => {
  const { repos } = run.deps;
  const { message, workspaceId } = run;
  // The question went privately: a public post is never taken for its answer.
  if (message.visibility !== 'private') return null;
  const key = identityKey(run);
  const customerId =
    message.customerId ?? (await repos.identities.find(workspaceId, key.kind, key.channelKind, key.value))?.customerId;
  if (customerId === undefined) return null;
  return repos.surveys.findWaiting(workspaceId, customerId, message.channelId, run.now);
};

/** The bot's short answer to a survey reply (thanks or the one re-ask), in the same private conversation. */
const queueSurveyReply = async (run: PipelineRun, ticket: Ticket, text: string, purpose: string): Promise<void> => {
  const { repos } = run.deps;
  const message = draftReplyMessage({
    id: run.deps.ids.newId(),
    now: run.now,
    channel: run.channel,
    answering: run.message,
    ticket,
    visibility: 'private',
    text,
    authorAgentId: null,
    metadata: { purpose, isAutomated: true },
  });
  await repos.messages.insertIdempotent(message);
  await repos.jobs.send(
    'outbound.send',
    { workspaceId: run.workspaceId, messageId: message.id },
    { singletonKey: message.id },
  );
};

/**
 * Before triage: when the author has a survey waiting on this channel, reads the message as its answer —
 * a tapped option or a written score (with its comment) is recorded and thanked; the first unreadable
 * answer gets one clarifying question (unless it is a sentence triage finds actionable: then it goes on and
 * the survey keeps waiting); the second ends the survey and the message goes on through the pipeline, so a new
 * complaint is never swallowed. Events land in `run.events`.
 */
export const readSurveyAnswer = async (
  run: PipelineRun,
  /** The message's triage, computed once and shared with the pipeline when the message goes on. */
  classify: () => Promise<Triage>,
): Promise<SurveyReading> => {
  const survey = await waitingSurvey(run);
  if (survey === null) return { kind: 'not-an-answer' };
  const { repos } = run.deps;
  const ticket = await repos.tickets.get(run.workspaceId, survey.ticketId);
  if (ticket === null) return { kind: 'not-an-answer' };
  const plan = planSurveyAnswer({ survey, text: run.message.text, payload: payloadOf(run.message), now: run.now });
  if (plan.kind === 'give-up') {
    await repos.surveys.update(plan.survey);
    run.events.push(...plan.events);
    return { kind: 'not-an-answer' };
  }
  const read = (updated: Survey): SurveyReading => ({
    kind: 'read',
    survey: updated,
    updates: {
      customerId: survey.customerId,
      ticketId: survey.ticketId,
      metadata: { ...run.message.metadata, surveyId: survey.id },
    },
  });
  if (plan.kind === 'reask') {
    // A new complaint or question is not a muddled score: it goes on, and the survey keeps waiting.
    if (mayBeNewMatter(run.message.text) && (await classify()).actionable) return { kind: 'not-an-answer' };
    await repos.surveys.update(plan.survey);
    await queueSurveyReply(run, ticket, plan.reply, 'survey-reask');
    return read(plan.survey);
  }
  const recorded = await storeSurveyScore(repos, { survey, score: plan.score, comment: plan.comment, now: run.now });
  if (recorded === null) return { kind: 'not-an-answer' };
  run.events.push(...recorded.events);
  await queueSurveyReply(run, ticket, recorded.reply, 'survey-thanks');
  return read(recorded.survey);
};
