import { type JobHandler, sendSurvey } from '@ascolta/core';
import type { WorkerContext } from './worker-context.ts';

/**
 * `survey.send`: once the delay is over, the one survey question of a resolution, in one transaction with
 * its `outbound.send` job; a reopened ticket, a customer surveyed within the period or a workspace that
 * turned surveys off gets none.
 */
export const surveySendJob =
  (context: WorkerContext): JobHandler<'survey.send'> =>
  async (job) => {
    const result = await context.store.transaction((repos) =>
      sendSurvey(
        {
          repos,
          ids: context.ids,
          now: context.clock.now(),
          linkFor: (survey, expiresAt) => context.surveyLinks?.linkFor(survey, expiresAt) ?? null,
        },
        job.data,
      ),
    );
    if (result.kind === 'skipped')
      context.log(`survey.send: ticket ${job.data.ticketId}: no survey (${result.reason})`);
  };
