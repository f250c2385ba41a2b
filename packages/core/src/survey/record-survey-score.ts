import type { Actor } from '../events/domain-event.ts';
import type { UnstampedEvent } from '../events/stamp-event.ts';
import { changeTicketStatus } from '../ticket/change-ticket-status.ts';
import type { Ticket } from '../ticket/ticket.ts';
import type { Survey } from './survey.ts';
import type { SurveySettings } from './survey-settings.ts';
import { surveyLanguage, surveyTexts } from './survey-texts.ts';

export interface SurveyScoreInput {
  survey: Survey;
  score: number;
  comment: string | null;
  settings: SurveySettings;
  ticket: Ticket;
  /** Who hears of a low score when nobody holds the ticket. */
  supervisorIds: readonly string[];
  actor: Actor;
  now: Date;
}

export interface RecordedSurveyScore {
  survey: Survey;
  /** The ticket as it must be stored, or null when the score leaves it alone. */
  reopenedTicket: Ticket | null;
  events: UnstampedEvent[];
  /** The thank-you in the survey's language. */
  reply: string;
}

export const isLowScore = (survey: Pick<Survey, 'kind'>, score: number, settings: SurveySettings): boolean =>
  score <= settings.lowScoreThresholds[survey.kind];

/**
 * Stores a score on a waiting survey: `survey.answered`, and for a low score `survey.low-score` plus the
 * workspace's action — the ticket reopened and waiting for us, or its agent (else the supervisors) alerted.
 */
export const recordSurveyScore = (input: SurveyScoreInput): RecordedSurveyScore => {
  const { survey, score, comment, settings, ticket, now } = input;
  const isLow = isLowScore(survey, score, settings);
  const answered: Survey = { ...survey, status: 'answered', score, comment, answeredAt: now };
  const envelope = {
    workspaceId: survey.workspaceId,
    actor: input.actor,
    ticketId: survey.ticketId,
    customerId: survey.customerId,
  };
  const data = { surveyId: survey.id, kind: survey.kind, score, comment };
  const events: UnstampedEvent[] = [{ ...envelope, type: 'survey.answered', data: { ...data, isLowScore: isLow } }];
  const texts = surveyTexts[surveyLanguage(survey.language)];
  if (!isLow) return { survey: answered, reopenedTicket: null, events, reply: texts.thanks };
  const action = settings.lowScoreAction;
  const canReopen = action === 'reopen' && (ticket.status === 'resolved' || ticket.status === 'closed');
  const notifiedAgentIds =
    action === 'none' ? [] : ticket.assigneeId === null ? [...input.supervisorIds] : [ticket.assigneeId];
  events.push({ ...envelope, type: 'survey.low-score', data: { ...data, action, notifiedAgentIds } });
  if (!canReopen) return { survey: answered, reopenedTicket: null, events, reply: texts.thanksLowScore };
  const reopened = changeTicketStatus(ticket, 'open', input.actor, now);
  events.push(...reopened.events);
  // The customer is unhappy with the outcome: from now on they wait for us.
  const reopenedTicket = { ...reopened.ticket, waitingSince: now };
  return { survey: answered, reopenedTicket, events, reply: texts.thanksLowScore };
};
