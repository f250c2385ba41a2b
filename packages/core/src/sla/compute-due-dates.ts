import type { BusinessHours } from '../agent/agent.ts';
import type { PriorityBand } from '../ticket/ticket.ts';
import { addBusinessMinutes } from './add-business-minutes.ts';
import type { SlaPolicy } from './sla-policy.ts';

export interface DueDates {
  firstResponseDueAt: Date;
  /** Set only while the customer waits for an answer to a follow-up. */
  nextResponseDueAt: Date | null;
  resolutionDueAt: Date;
}

export interface DueDatesInput {
  policy: SlaPolicy;
  band: PriorityBand;
  /** When the ticket opened: first response and resolution count from here. */
  openedAt: Date;
  /** When the customer's follow-up arrived after our last answer, if they are waiting for one. */
  customerWaitingSince: Date | null;
  /** The policy's calendar, or null to count wall-clock time. */
  hours: BusinessHours | null;
}

/** The SLA due times of a ticket for its current priority band. */
export const computeDueDates = (input: DueDatesInput): DueDates => {
  const targets = input.policy.targets[input.band];
  return {
    firstResponseDueAt: addBusinessMinutes(input.openedAt, targets.firstResponseMinutes, input.hours),
    nextResponseDueAt:
      input.customerWaitingSince === null
        ? null
        : addBusinessMinutes(input.customerWaitingSince, targets.nextResponseMinutes, input.hours),
    resolutionDueAt: addBusinessMinutes(input.openedAt, targets.resolutionMinutes, input.hours),
  };
};
