import { computeDueDates } from '../sla/compute-due-dates.ts';
import type { Ticket } from '../ticket/ticket.ts';
import type { CareContext } from './load-care-context.ts';
import type { PipelineRun } from './pipeline-run.ts';

/**
 * One queued `sla.check` per ticket AND moment: a new, earlier moment (a raised priority) is queued beside an
 * older, later one instead of being dropped as a duplicate; the check reads the ticket's current due times.
 */
export const slaCheckKey = (ticketId: string, at: Date): string => `sla:${ticketId}:${at.toISOString()}`;

/**
 * Sets the SLA due times for the ticket's band and schedules the timer job for the first moment a
 * target can turn at risk. A resolved ticket and a workspace without a policy get no clocks.
 */
export const applyDueDates = async (run: PipelineRun, ticket: Ticket, care: CareContext): Promise<Ticket> => {
  if (care.policy === null || ticket.status === 'resolved' || ticket.status === 'closed') return ticket;
  const isWaitingAgain = ticket.firstResponseAt !== null && ticket.waitingSince !== null;
  const due = computeDueDates({
    policy: care.policy,
    band: ticket.priorityBand,
    openedAt: ticket.createdAt,
    customerWaitingSince: isWaitingAgain ? ticket.waitingSince : null,
    hours: care.hours,
  });
  const watched =
    ticket.firstResponseAt === null ? due.firstResponseDueAt : (due.nextResponseDueAt ?? due.resolutionDueAt);
  const from = isWaitingAgain && ticket.waitingSince !== null ? ticket.waitingSince : ticket.createdAt;
  const riskMs = (watched.getTime() - from.getTime()) * care.policy.breachRiskRatio;
  const startAfter = new Date(watched.getTime() - riskMs);
  await run.deps.repos.jobs.send(
    'sla.check',
    { workspaceId: run.workspaceId, ticketId: ticket.id },
    { startAfter, singletonKey: slaCheckKey(ticket.id, startAfter) },
  );
  return { ...ticket, ...due, updatedAt: run.now };
};
