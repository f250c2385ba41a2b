import type { BusinessHours } from '../agent/agent.ts';
import type { InfoRequest } from '../info-request/info-request.ts';
import type { Staffing } from '../info-request/plan-info-request.ts';
import { nextOpeningAt } from '../sla/next-opening-at.ts';
import type { SlaPolicy } from '../sla/sla-policy.ts';
import type { Template } from '../template/template.ts';
import type { PipelineRun } from './pipeline-run.ts';

/** The workspace configuration one ticket's care depends on. */
export interface CareContext {
  /** The workspace's SLA policy (the first one), or null when none is configured. */
  policy: SlaPolicy | null;
  /** The policy's calendar: it defines both SLA time and when people are staffed. */
  hours: BusinessHours | null;
  infoRequest: InfoRequest | null;
  answerTemplates: Template[];
}

export const loadCareContext = async (run: PipelineRun, category: string): Promise<CareContext> => {
  const { repos } = run.deps;
  const [policies, calendars, infoRequests, answerTemplates] = await Promise.all([
    repos.slaPolicies.list(run.workspaceId),
    repos.businessHours.list(run.workspaceId),
    repos.infoRequests.list(run.workspaceId),
    repos.templates.list(run.workspaceId, 'answer'),
  ]);
  const policy = policies[0] ?? null;
  return {
    policy,
    hours: calendars.find((calendar) => calendar.id === policy?.businessHoursId) ?? null,
    infoRequest: infoRequests.find((request) => request.category === category) ?? null,
    answerTemplates,
  };
};

/** Whether people are working now; always staffed without a calendar. */
export const staffingAt = (now: Date, hours: BusinessHours | null): Staffing => {
  if (hours === null) return { isOpen: true, nextOpeningAt: null, timeZone: 'UTC' };
  const opening = nextOpeningAt(now, hours);
  return { isOpen: opening.getTime() === now.getTime(), nextOpeningAt: opening, timeZone: hours.timeZone };
};
