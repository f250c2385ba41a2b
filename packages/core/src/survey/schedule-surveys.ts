import type { UnstampedEvent } from '../events/stamp-event.ts';
import type { Repositories } from '../ports/store.ts';
import { planSurveyJob } from './plan-survey.ts';
import { defaultSurveySettings } from './survey-settings.ts';

/**
 * Queues the delayed survey job of every resolution among `events`, as the workspace's survey settings
 * want. Runs in the transaction that resolved the ticket, after the ticket is stored, so the job commits
 * with the resolution; the job itself checks again that the ticket was not reopened meanwhile.
 */
export const scheduleSurveys = async (repos: Repositories, events: readonly UnstampedEvent[]): Promise<void> => {
  for (const event of events) {
    if (event.type !== 'ticket.resolved' || event.ticketId === null) continue;
    const ticket = await repos.tickets.get(event.workspaceId, event.ticketId);
    if (ticket?.resolvedAt == null) continue;
    const settings = (await repos.settings.get(event.workspaceId))?.surveys ?? defaultSurveySettings;
    const { isAutomated } = event.data;
    const job = planSurveyJob(settings, { resolvedAt: ticket.resolvedAt, isAutomated });
    if (job === null) continue;
    const resolvedAt = ticket.resolvedAt.toISOString();
    await repos.jobs.send(
      'survey.send',
      { workspaceId: ticket.workspaceId, ticketId: ticket.id, resolvedAt, isAutomated },
      { startAfter: job.startAfter, singletonKey: `survey:${ticket.id}:${resolvedAt}` },
    );
  }
};
