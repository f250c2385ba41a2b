import type { Repositories } from '../ports/store.ts';
import { type RecordedSurveyScore, recordSurveyScore } from './record-survey-score.ts';
import type { Survey } from './survey.ts';
import { defaultSurveySettings } from './survey-settings.ts';

/**
 * Records a customer's score on their waiting survey — from a message or the link page — and stores the
 * survey and the ticket a low score reopens. The caller appends the returned events in the same transaction.
 * Null when the survey's ticket is gone.
 */
export const storeSurveyScore = async (
  repos: Repositories,
  input: { survey: Survey; score: number; comment: string | null; now: Date },
): Promise<RecordedSurveyScore | null> => {
  const { survey } = input;
  const ticket = await repos.tickets.get(survey.workspaceId, survey.ticketId);
  if (ticket === null) return null;
  const settings = (await repos.settings.get(survey.workspaceId))?.surveys ?? defaultSurveySettings;
  const agents = await repos.agents.list(survey.workspaceId);
  const recorded = recordSurveyScore({
    ...input,
    settings,
    ticket,
    supervisorIds: agents.filter((agent) => agent.role !== 'agent').map((agent) => agent.id),
    actor: { type: 'customer', customerId: survey.customerId },
  });
  await repos.surveys.update(recorded.survey);
  if (recorded.reopenedTicket !== null) await repos.tickets.update(recorded.reopenedTicket);
  return recorded;
};
