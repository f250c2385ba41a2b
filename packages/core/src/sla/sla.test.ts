import { describe, expect, it } from 'vitest';
import type { Ticket } from '../ticket/ticket.ts';
import { computeDueDates } from './compute-due-dates.ts';
import { evaluateSla } from './evaluate-sla.ts';
import type { SlaPolicy } from './sla-policy.ts';

const policy: SlaPolicy = {
  id: 'sla',
  workspaceId: 'ws',
  name: 'Default',
  businessHoursId: null,
  targets: {
    low: { firstResponseMinutes: 480, nextResponseMinutes: 480, resolutionMinutes: 4320 },
    normal: { firstResponseMinutes: 120, nextResponseMinutes: 240, resolutionMinutes: 1440 },
    high: { firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: 480 },
    urgent: { firstResponseMinutes: 15, nextResponseMinutes: 30, resolutionMinutes: 240 },
  },
  breachRiskRatio: 0.25,
};
const openedAt = new Date('2026-03-10T10:00:00Z');
const minutesAfter = (minutes: number): Date => new Date(openedAt.getTime() + minutes * 60_000);

describe('computeDueDates', () => {
  it('takes the targets of the band', () => {
    const due = computeDueDates({ policy, band: 'urgent', openedAt, customerWaitingSince: null, hours: null });
    expect(due).toEqual({
      firstResponseDueAt: minutesAfter(15),
      nextResponseDueAt: null,
      resolutionDueAt: minutesAfter(240),
    });
  });

  it('counts the next response from when the customer started waiting', () => {
    const due = computeDueDates({
      policy,
      band: 'normal',
      openedAt,
      customerWaitingSince: minutesAfter(60),
      hours: null,
    });
    expect(due.nextResponseDueAt).toEqual(minutesAfter(300));
  });
});

const ticket = (overrides: Partial<Ticket> = {}): Pick<Ticket, keyof Ticket> =>
  ({
    status: 'open',
    createdAt: openedAt,
    firstResponseDueAt: minutesAfter(100),
    firstResponseAt: null,
    nextResponseDueAt: null,
    waitingSince: null,
    resolutionDueAt: minutesAfter(1000),
    resolvedAt: null,
    ...overrides,
  }) as Ticket;

describe('evaluateSla', () => {
  it('is on track early, at risk near the end and breached after', () => {
    const stateAt = (minute: number) => evaluateSla(ticket(), minutesAfter(minute), 0.25)[0]?.state;
    expect([stateAt(10), stateAt(80), stateAt(101)]).toEqual(['on-track', 'at-risk', 'breached']);
  });

  it('marks a first response as met or late once it happened', () => {
    expect(evaluateSla(ticket({ firstResponseAt: minutesAfter(50) }), minutesAfter(500))[0]?.state).toBe('met');
    expect(evaluateSla(ticket({ firstResponseAt: minutesAfter(150) }), minutesAfter(500))[0]?.state).toBe('breached');
  });

  it('watches the next response only while the customer waits', () => {
    const waiting = ticket({
      waitingSince: minutesAfter(200),
      nextResponseDueAt: minutesAfter(240),
      firstResponseAt: minutesAfter(5),
    });
    const states = evaluateSla(waiting, minutesAfter(250));
    expect(states.map((s) => [s.target, s.state])).toEqual([
      ['first-response', 'met'],
      ['next-response', 'breached'],
      ['resolution', 'on-track'],
    ]);
  });

  it('stops the clocks when the ticket is resolved', () => {
    const resolved = ticket({ status: 'resolved', resolvedAt: minutesAfter(30) });
    expect(evaluateSla(resolved, minutesAfter(5000)).map((s) => s.state)).toEqual(['met', 'met']);
  });
});
