import type { Ticket } from '../ticket/ticket.ts';
import type { SurveyKind } from './survey.ts';
import type { SurveySettings } from './survey-settings.ts';

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;

/** When the survey job of a resolution runs, or null when the workspace wants no survey for it. */
export const planSurveyJob = (
  settings: SurveySettings,
  resolution: { resolvedAt: Date; isAutomated: boolean },
): { startAfter: Date } | null => {
  if (!settings.isEnabled) return null;
  if (resolution.isAutomated && !settings.includeAutomatedResolutions) return null;
  return { startAfter: new Date(resolution.resolvedAt.getTime() + settings.delayMinutes * minuteMs) };
};

export type SurveySkipReason =
  | 'disabled'
  | 'automated-resolution'
  | 'ticket-reopened'
  | 'already-surveyed'
  | 'surveyed-recently'
  | 'no-customer-message';

export interface SurveyPlanInput {
  settings: SurveySettings;
  ticket: Ticket;
  /** The resolution the job was queued for: a ticket reopened (and maybe resolved again) since is not it. */
  resolvedAt: Date;
  isAutomated: boolean;
  /** When the customer was last surveyed, by any ticket; null if never. */
  lastSurveyedAt: Date | null;
  hasSurveyForTicket: boolean;
  hasCustomerMessage: boolean;
  now: Date;
}

export type SurveyPlan =
  | { kind: 'send'; surveyKind: SurveyKind; expiresAt: Date }
  | { kind: 'skip'; reason: SurveySkipReason };

/** Decides, when the delay is over, whether the one survey question goes out for this resolution. */
export const planSurvey = (input: SurveyPlanInput): SurveyPlan => {
  const { settings, ticket, now } = input;
  const skip = (reason: SurveySkipReason): SurveyPlan => ({ kind: 'skip', reason });
  if (!settings.isEnabled) return skip('disabled');
  if (input.isAutomated && !settings.includeAutomatedResolutions) return skip('automated-resolution');
  const isDone = ticket.status === 'resolved' || ticket.status === 'closed';
  if (!isDone || ticket.resolvedAt?.getTime() !== input.resolvedAt.getTime()) return skip('ticket-reopened');
  if (input.hasSurveyForTicket) return skip('already-surveyed');
  if (input.lastSurveyedAt !== null && now.getTime() - input.lastSurveyedAt.getTime() < settings.periodDays * dayMs) {
    return skip('surveyed-recently');
  }
  if (!input.hasCustomerMessage) return skip('no-customer-message');
  return {
    kind: 'send',
    surveyKind: settings.kind,
    expiresAt: new Date(now.getTime() + settings.expiryHours * 3_600_000),
  };
};
