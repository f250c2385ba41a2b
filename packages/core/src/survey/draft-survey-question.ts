import type { Channel } from '../channel/channel.ts';
import type { UnstampedEvent } from '../events/stamp-event.ts';
import { draftReplyMessage } from '../message/draft-reply-message.ts';
import type { Message } from '../message/message.ts';
import type { Ticket } from '../ticket/ticket.ts';
import { composeSurveyQuestion } from './compose-survey-question.ts';
import type { Survey, SurveyKind } from './survey.ts';

export interface SurveyQuestionDraft {
  surveyId: string;
  messageId: string;
  kind: SurveyKind;
  expiresAt: Date;
  ticket: Ticket;
  channel: Channel;
  /** The customer's latest message on the ticket: the question answers it, privately. */
  answering: Message;
  /** The customer's language, else the ticket's. */
  language: string | null;
  link: string | null;
  now: Date;
}

/** The survey row, its queued question and the `survey.sent` event, before anything is stored. */
export const draftSurveyQuestion = (
  draft: SurveyQuestionDraft,
): { survey: Survey; message: Message; event: UnstampedEvent } => {
  const { ticket, channel, now } = draft;
  const question = composeSurveyQuestion({
    surveyId: draft.surveyId,
    kind: draft.kind,
    language: draft.language,
    ticketNumber: ticket.number,
    channelKind: channel.kind,
    link: draft.link,
  });
  const message = draftReplyMessage({
    id: draft.messageId,
    now,
    channel,
    answering: draft.answering,
    ticket: { ...ticket, language: question.language },
    visibility: 'private',
    text: question.text,
    authorAgentId: null,
    metadata: {
      purpose: 'survey',
      isAutomated: true,
      surveyId: draft.surveyId,
      quickReplies: question.options,
      quickRepliesLabel: question.menuLabel,
    },
  });
  const survey: Survey = {
    id: draft.surveyId,
    workspaceId: ticket.workspaceId,
    ticketId: ticket.id,
    customerId: ticket.customerId,
    kind: draft.kind,
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
    expiresAt: draft.expiresAt,
  };
  const event: UnstampedEvent = {
    type: 'survey.sent',
    workspaceId: ticket.workspaceId,
    actor: { type: 'system' },
    ticketId: ticket.id,
    customerId: ticket.customerId,
    data: { surveyId: draft.surveyId, kind: draft.kind, channelId: channel.id },
  };
  return { survey, message, event };
};
