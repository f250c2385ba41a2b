import type { UnstampedEvent } from '../events/stamp-event.ts';
import { parseSurveyAnswer, scoreFromPayload } from './parse-survey-answer.ts';
import { type Survey, surveyScale } from './survey.ts';
import { fillSurveyText, surveyLanguage, surveyTexts } from './survey-texts.ts';

export type SurveyAnswerPlan =
  | { kind: 'score'; score: number; comment: string | null }
  /** The first unreadable answer: ask once more, and keep the message as the survey's. */
  | { kind: 'reask'; survey: Survey; reply: string }
  /** The second unreadable answer: the survey ends unanswered and the message goes on through the pipeline. */
  | { kind: 'give-up'; survey: Survey; events: UnstampedEvent[] };

/** What a customer's message means to their waiting survey: a score (tapped or written), or not. */
export const planSurveyAnswer = (input: {
  survey: Survey;
  text: string;
  /** A quick-reply, button or list payload the message carried. */
  payload: string | null;
  now: Date;
}): SurveyAnswerPlan => {
  const { survey, now } = input;
  const tapped = scoreFromPayload(survey.kind, survey.id, input.payload);
  if (tapped !== null) return { kind: 'score', score: tapped, comment: null };
  const written = parseSurveyAnswer(survey.kind, input.text);
  if (written !== null) return { kind: 'score', ...written };
  if (survey.reaskedAt === null) {
    const { min, max } = surveyScale[survey.kind];
    const reply = fillSurveyText(surveyTexts[surveyLanguage(survey.language)].reask, { min, max });
    return { kind: 'reask', survey: { ...survey, reaskedAt: now }, reply };
  }
  const event: UnstampedEvent = {
    type: 'survey.expired',
    workspaceId: survey.workspaceId,
    actor: { type: 'customer', customerId: survey.customerId },
    ticketId: survey.ticketId,
    customerId: survey.customerId,
    data: { surveyId: survey.id, reason: 'unreadable-answers' },
  };
  return { kind: 'give-up', survey: { ...survey, status: 'expired' }, events: [event] };
};

/** Words a message needs before triage may call it a new matter rather than a muddled answer ("Non saprei."). */
const newMatterMinWords = 6;

/** Whether an unreadable answer is long enough to be a new complaint or question, if triage finds it actionable. */
export const mayBeNewMatter = (text: string): boolean =>
  text
    .trim()
    .split(/\s+/u)
    .filter((word) => /\p{L}/u.test(word)).length >= newMatterMinWords;
