import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '../agent/agent.ts';
import { addBusinessMinutes } from '../sla/add-business-minutes.ts';
import { businessMinutesBetween } from '../sla/business-minutes-between.ts';
import type { SlaPolicy } from '../sla/sla-policy.ts';
import { businessCase, defaultReportBaseline } from './business-case.ts';
import { createBusinessTimeline } from './business-timeline.ts';
import { extractKeywords } from './extract-keywords.ts';
import { firstResponseOf } from './first-response-of.ts';
import { infoCollectedInOneInteraction } from './info-collected-in-one-interaction.ts';
import { messageFactChange } from './message-fact-change.ts';
import type { ReportEvent } from './report-event.ts';
import { bucketStarts, reportRange } from './report-window.ts';
import { csatPercent, netPromoterScore, surveyAnswerOf } from './survey-answer-of.ts';
import { createProjectionContext } from './ticket-facts.ts';
import { ticketFactsFromEvents } from './ticket-facts-from-events.ts';

// Rome in January is UTC+1; the calendar is open Monday–Friday 09:00–18:00, closed on 6 January.
const hours: BusinessHours = {
  id: 'h',
  workspaceId: 'w',
  name: 'Office',
  timeZone: 'Europe/Rome',
  intervals: ([1, 2, 3, 4, 5] as const).map((day) => ({ day, startMinute: 540, endMinute: 1080 })),
  holidays: ['2026-01-06'],
};
const rome = (local: string) => new Date(`${local.replace(' ', 'T')}:00+01:00`);
const policy: SlaPolicy = {
  id: 'p',
  workspaceId: 'w',
  name: 'Standard',
  businessHoursId: 'h',
  targets: {
    low: { firstResponseMinutes: 120, nextResponseMinutes: 120, resolutionMinutes: 960 },
    normal: { firstResponseMinutes: 60, nextResponseMinutes: 60, resolutionMinutes: 480 },
    high: { firstResponseMinutes: 30, nextResponseMinutes: 30, resolutionMinutes: 240 },
    urgent: { firstResponseMinutes: 15, nextResponseMinutes: 15, resolutionMinutes: 120 },
  },
  breachRiskRatio: 0.2,
};
const context = createProjectionContext([policy], [hours], [{ id: 'fb', kind: 'facebook' }]);

let sequence = 0;
const event = (type: string, at: string, data: Record<string, unknown> = {}, actorType = 'system'): ReportEvent => ({
  sequence: ++sequence,
  workspaceId: 'w',
  type,
  ticketId: 't',
  actorType,
  actorAgentId: actorType === 'agent' ? 'a' : null,
  occurredAt: rome(at),
  data,
});
const opened = (at: string, band = 'normal') =>
  event('ticket.opened', at, { category: 'delivery', priorityBand: band, channelId: 'fb' });

describe('business timeline', () => {
  it('gives the same minutes and due times as the SLA functions it caches', () => {
    const timeline = createBusinessTimeline(hours);
    const instants = [
      '2026-01-02 17:50',
      '2026-01-05 08:00',
      '2026-01-05 12:30',
      '2026-01-07 09:00',
      '2026-01-09 18:00',
      '2026-01-10 11:00',
      '2026-01-19 10:00',
    ].map(rome);
    for (const from of instants) {
      for (const to of instants) {
        expect(timeline.minutesBetween(from, to)).toBeCloseTo(businessMinutesBetween(from, to, hours), 9);
      }
      for (const minutes of [1, 10, 60, 540, 541, 2000, 10_000]) {
        expect(timeline.addMinutes(from, minutes).toISOString()).toBe(
          addBusinessMinutes(from, minutes, hours).toISOString(),
        );
      }
    }
  });

  it('is wall-clock time without a calendar', () => {
    const timeline = createBusinessTimeline(null);
    expect(timeline.minutesBetween(rome('2026-01-10 10:00'), rome('2026-01-10 12:30'))).toBe(150);
  });
});

describe('ticket facts', () => {
  it('counts a reply over a closed period (and a holiday) in business minutes', () => {
    // Monday 5 at 17:50 → Wednesday 7 at 09:20 (Tuesday 6 is a holiday): 10 + 20 = 30 business minutes,
    // 1 day 15 h 30 = 2370 calendar minutes. High: 30 business minutes → due Wednesday 09:20, met exactly.
    const facts = ticketFactsFromEvents(
      [
        opened('2026-01-05 17:50', 'high'),
        event('ticket.assigned', '2026-01-05 17:50', { agentId: 'a', teamId: 'team', reason: 'rule' }),
        event('message.sent', '2026-01-05 17:51', { isAutomated: true, purpose: 'acknowledgement' }),
        event('ticket.replied', '2026-01-07 09:20', { messageIds: ['m'], visibility: 'public' }, 'agent'),
        event('ticket.resolved', '2026-01-07 10:00', { isAutomated: false }, 'agent'),
      ],
      context,
    );
    expect(facts).toMatchObject({
      channelKind: 'facebook',
      firstResponseMinutes: 2370,
      firstResponseBusinessMinutes: 30,
      resolutionMinutes: 2410,
      resolutionBusinessMinutes: 70,
      firstResponseDueAt: rome('2026-01-07 09:20'),
      firstResponseSlaMet: true,
      resolutionSlaMet: true,
      agentId: 'a',
      teamId: 'team',
      automatedMessages: 1,
      humanInteractions: 1,
      isFirstResponseAutomated: false,
      kind: null, // an old event without the triage dimensions
    });
  });

  it('takes the band at first response for the target and leaves unanswered tickets undecided', () => {
    const facts = ticketFactsFromEvents(
      [opened('2026-01-07 10:00'), event('ticket.prioritised', '2026-01-07 10:05', { score: 90, band: 'urgent' })],
      context,
    );
    expect(facts).toMatchObject({
      priorityBand: 'urgent',
      firstResponseDueAt: rome('2026-01-07 10:15'),
      firstResponseSlaMet: null,
    });
  });

  it('reopening clears the resolution; null before the ticket opened', () => {
    const reopened = ticketFactsFromEvents(
      [
        opened('2026-01-07 10:00'),
        event('ticket.resolved', '2026-01-07 11:00', { isAutomated: false }),
        event('ticket.status-changed', '2026-01-07 12:00', { from: 'resolved', to: 'open' }),
      ],
      context,
    );
    expect(reopened).toMatchObject({ isResolved: false, resolvedAt: null, resolutionMinutes: null });
    expect(ticketFactsFromEvents([event('ticket.assigned', '2026-01-07 10:00', {})], context)).toBeNull();
  });
});

describe('rules', () => {
  it('first response: agent replies, answering bot messages and automatic resolutions; not acknowledgements', () => {
    const ack = event('message.sent', '2026-01-07 10:00', { isAutomated: true, purpose: 'acknowledgement' });
    const ask = event('message.sent', '2026-01-07 10:00', { isAutomated: true, purpose: 'info-request' });
    const old = event('message.sent', '2026-01-07 10:01', { isAutomated: true });
    const auto = event('message.sent', '2026-01-07 10:02', { isAutomated: true, purpose: 'repeat-answer' });
    expect(firstResponseOf([ack, ask, old])).toBeNull();
    expect(firstResponseOf([ack, auto])).toEqual({ at: rome('2026-01-07 10:02'), isAutomated: true });
    const reply = event('ticket.replied', '2026-01-07 10:03', {}, 'agent');
    expect(firstResponseOf([ack, reply, auto])).toEqual({ at: rome('2026-01-07 10:03'), isAutomated: false });
  });

  it('information in one interaction: every field in the first answer, no reminder, no agent in between', () => {
    const asked = event('ticket.info-requested', '2026-01-07 10:00', { fields: ['order', 'email'] });
    const both = event('ticket.info-collected', '2026-01-07 10:30', { fields: ['email', 'order'] });
    const part = event('ticket.info-collected', '2026-01-07 10:30', { fields: ['order'] });
    const reminder = event('message.sent', '2026-01-07 10:20', { isAutomated: true, purpose: 'info-request-reminder' });
    const reply = event('ticket.replied', '2026-01-07 10:20', {}, 'agent');
    expect(infoCollectedInOneInteraction([asked, both])).toBe(true);
    expect(infoCollectedInOneInteraction([asked, part, both])).toBe(false);
    expect(infoCollectedInOneInteraction([asked, reminder, both])).toBe(false);
    expect(infoCollectedInOneInteraction([asked, reply, both])).toBe(false);
    expect(infoCollectedInOneInteraction([both])).toBe(false);
  });

  it('surveys: kind from the answer, the sent survey, or the scale; CSAT and NPS from counts', () => {
    const sent = event('survey.sent', '2026-01-07 10:00', { surveyId: 's', kind: 'nps' });
    expect(
      surveyAnswerOf([sent, event('survey.answered', '2026-01-07 11:00', { surveyId: 's', score: 4 })]),
    ).toMatchObject({ kind: 'nps', score: 4 });
    expect(surveyAnswerOf([event('survey.answered', '2026-01-07 11:00', { surveyId: 'x', score: 8 })])?.kind).toBe(
      'nps',
    );
    expect(surveyAnswerOf([event('survey.answered', '2026-01-07 11:00', { surveyId: 'x', score: 'bad' })])).toBeNull();
    // 3 of 4 satisfied = 75; 5 promoters and 2 detractors of 10 = 50 − 20 = 30.
    expect(csatPercent(3, 4)).toBe(75);
    expect(netPromoterScore(5, 2, 10)).toBe(30);
    expect(csatPercent(0, 0)).toBeNull();
  });

  it('message facts: received adds, ignored and failed decide, others change nothing', () => {
    expect(
      messageFactChange(event('message.received', '2026-01-07 10:00', { messageId: 'm', channelId: 'fb' })),
    ).toMatchObject({ kind: 'received', channelId: 'fb' });
    expect(
      messageFactChange(event('message.ignored', '2026-01-07 10:00', { messageId: 'm', reason: 'spam', kind: 'spam' })),
    ).toMatchObject({ outcome: 'ignored', ignoredReason: 'spam', messageKind: 'spam' });
    expect(messageFactChange(event('ticket.replied', '2026-01-07 10:00', {}))).toBeNull();
  });

  it('business case: change against the baseline', () => {
    const result = businessCase(defaultReportBaseline, {
      tickets: 10,
      resolvedTickets: 8,
      resolutionMinutesTotal: 8 * 240, // 4 h each: the seed's "after"
      interactions: 20,
      humanInteractions: 10,
    });
    expect(result.handlingHoursPerTicket).toEqual({ baseline: 48, measured: 4, change: (4 - 48) / 48 });
    expect(result.interactionsPerCase.measured).toBe(2);
    expect(result.agentHours.measured).toBeCloseTo((10 * 14) / 60, 9);
  });
});

describe('report window', () => {
  it('maps local days to instants across a DST change and lists the buckets', () => {
    // 29 March 2026: Rome moves to UTC+2 at 02:00, so that local day has 23 hours.
    const range = reportRange('2026-03-29', '2026-03-30', 'Europe/Rome');
    expect(range).toEqual({ start: new Date('2026-03-28T23:00:00Z'), end: new Date('2026-03-30T22:00:00Z') });
    expect(bucketStarts(range.start, range.end, 'day', 'Europe/Rome').map((d) => d.toISOString())).toEqual([
      '2026-03-28T23:00:00.000Z',
      '2026-03-29T22:00:00.000Z',
    ]);
    expect(bucketStarts(range.start, range.end, 'hour', 'Europe/Rome')).toHaveLength(47);
  });

  it('keywords: content words only', () => {
    expect(extractKeywords('@brand Il pacco NON è arrivato, ordine 123! https://x.co/a #pacco')).toEqual([
      'pacco',
      'arrivato',
    ]);
  });
});
