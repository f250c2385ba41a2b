import type { Ticket } from '../ticket/ticket.ts';

export type SlaTarget = 'first-response' | 'next-response' | 'resolution';

export type SlaState = 'on-track' | 'at-risk' | 'breached' | 'met';

export interface SlaTargetState {
  target: SlaTarget;
  state: SlaState;
  dueAt: Date;
  /** Wall-clock minutes left, negative once breached. */
  minutesLeft: number;
}

type SlaTicket = Pick<
  Ticket,
  | 'status'
  | 'createdAt'
  | 'firstResponseDueAt'
  | 'firstResponseAt'
  | 'nextResponseDueAt'
  | 'waitingSince'
  | 'resolutionDueAt'
  | 'resolvedAt'
>;

const stateOf = (
  target: SlaTarget,
  window: { from: Date; dueAt: Date; doneAt: Date | null },
  now: Date,
  breachRiskRatio: number,
): SlaTargetState => {
  const minutesLeft = (window.dueAt.getTime() - now.getTime()) / 60_000;
  const base = { target, dueAt: window.dueAt, minutesLeft };
  if (window.doneAt !== null) {
    return { ...base, state: window.doneAt.getTime() <= window.dueAt.getTime() ? 'met' : 'breached' };
  }
  if (minutesLeft < 0) return { ...base, state: 'breached' };
  // Wall-clock share of the window: close enough to warn, and needs no calendar at timer time.
  const windowMinutes = (window.dueAt.getTime() - window.from.getTime()) / 60_000;
  return { ...base, state: minutesLeft <= windowMinutes * breachRiskRatio ? 'at-risk' : 'on-track' };
};

/**
 * The state of each SLA target a ticket has, for the timer job. A resolved or closed ticket stops
 * the response clocks; `breachRiskRatio` is the policy's share of the window that counts as at risk.
 */
export const evaluateSla = (ticket: SlaTicket, now: Date, breachRiskRatio = 0.2): SlaTargetState[] => {
  const isDone = ticket.status === 'resolved' || ticket.status === 'closed';
  const states: SlaTargetState[] = [];
  if (ticket.firstResponseDueAt !== null) {
    const doneAt = ticket.firstResponseAt ?? (isDone ? ticket.resolvedAt : null);
    states.push(
      stateOf(
        'first-response',
        { from: ticket.createdAt, dueAt: ticket.firstResponseDueAt, doneAt },
        now,
        breachRiskRatio,
      ),
    );
  }
  if (ticket.nextResponseDueAt !== null && ticket.waitingSince !== null && !isDone) {
    const window = { from: ticket.waitingSince, dueAt: ticket.nextResponseDueAt, doneAt: null };
    states.push(stateOf('next-response', window, now, breachRiskRatio));
  }
  if (ticket.resolutionDueAt !== null) {
    const window = { from: ticket.createdAt, dueAt: ticket.resolutionDueAt, doneAt: isDone ? ticket.resolvedAt : null };
    states.push(stateOf('resolution', window, now, breachRiskRatio));
  }
  return states;
};
