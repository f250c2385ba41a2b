import { describe, expect, it } from 'vitest';
import type { Ticket } from '../ticket/ticket.ts';
import { composeSurveyQuestion } from './compose-survey-question.ts';
import { planSurvey, planSurveyJob, type SurveyPlanInput } from './plan-survey.ts';
import { mayBeNewMatter, planSurveyAnswer } from './plan-survey-answer.ts';
import { recordSurveyScore } from './record-survey-score.ts';
import type { Survey } from './survey.ts';
import { defaultSurveySettings, type SurveySettings } from './survey-settings.ts';

const now = new Date('2026-11-22T10:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const daysAgo = (days: number) => minutesAgo(days * 24 * 60);
const settings: SurveySettings = { ...defaultSurveySettings, isEnabled: true };
const resolvedAt = minutesAgo(60);

const ticket: Ticket = {
  id: 't-1',
  workspaceId: 'w-1',
  number: 42,
  customerId: 'c-1',
  channelId: 'ch-1',
  channelKind: 'whatsapp',
  threadExternalId: '393330000001',
  visibility: 'private',
  subject: 'Lavatrice',
  status: 'resolved',
  priorityScore: 40,
  priorityBand: 'normal',
  priorityContributions: [],
  category: 'product-info',
  language: 'it',
  assigneeId: 'agent-1',
  teamId: null,
  incidentId: null,
  collectedFields: {},
  firstResponseDueAt: null,
  nextResponseDueAt: null,
  resolutionDueAt: null,
  firstResponseAt: minutesAgo(120),
  waitingSince: null,
  resolvedAt,
  createdAt: minutesAgo(180),
  updatedAt: resolvedAt,
};

const survey: Survey = {
  id: 's-1',
  workspaceId: 'w-1',
  ticketId: 't-1',
  customerId: 'c-1',
  kind: 'csat',
  status: 'sent',
  score: null,
  comment: null,
  sentAt: minutesAgo(10),
  answeredAt: null,
  channelId: 'ch-1',
  threadExternalId: '393330000001',
  language: 'it',
  questionMessageId: 'm-1',
  reaskedAt: null,
  expiresAt: minutesAgo(-60),
};

describe('planSurveyJob', () => {
  it('runs the job the configured delay after the resolution', () => {
    expect(planSurveyJob(settings, { resolvedAt, isAutomated: false })).toEqual({
      startAfter: new Date(resolvedAt.getTime() + 60 * 60_000),
    });
    expect(planSurveyJob({ ...settings, delayMinutes: 0 }, { resolvedAt, isAutomated: false })?.startAfter).toEqual(
      resolvedAt,
    );
  });

  it('queues nothing when surveys are off, or for a bot resolution unless the workspace wants those too', () => {
    expect(planSurveyJob(defaultSurveySettings, { resolvedAt, isAutomated: false })).toBeNull();
    expect(planSurveyJob(settings, { resolvedAt, isAutomated: true })).toBeNull();
    expect(
      planSurveyJob({ ...settings, includeAutomatedResolutions: true }, { resolvedAt, isAutomated: true }),
    ).not.toBeNull();
  });
});

describe('planSurvey', () => {
  const input: SurveyPlanInput = {
    settings,
    ticket,
    resolvedAt,
    isAutomated: false,
    lastSurveyedAt: null,
    hasSurveyForTicket: false,
    hasCustomerMessage: true,
    now,
  };

  it('sends the workspace kind, expiring after the configured hours', () => {
    expect(planSurvey(input)).toEqual({
      kind: 'send',
      surveyKind: 'csat',
      expiresAt: new Date(now.getTime() + 72 * 3_600_000),
    });
    expect(planSurvey({ ...input, settings: { ...settings, kind: 'nps' } })).toMatchObject({ surveyKind: 'nps' });
    expect(planSurvey({ ...input, ticket: { ...ticket, status: 'closed' } }).kind).toBe('send');
  });

  it('sends nothing for a ticket reopened since, even when it was resolved again later', () => {
    expect(planSurvey({ ...input, ticket: { ...ticket, status: 'open', resolvedAt: null } })).toEqual({
      kind: 'skip',
      reason: 'ticket-reopened',
    });
    expect(planSurvey({ ...input, ticket: { ...ticket, resolvedAt: minutesAgo(5) } })).toEqual({
      kind: 'skip',
      reason: 'ticket-reopened',
    });
  });

  it('asks a customer at most once per period and a ticket once', () => {
    expect(planSurvey({ ...input, lastSurveyedAt: daysAgo(29) })).toEqual({
      kind: 'skip',
      reason: 'surveyed-recently',
    });
    expect(planSurvey({ ...input, lastSurveyedAt: daysAgo(31) }).kind).toBe('send');
    expect(planSurvey({ ...input, settings: { ...settings, periodDays: 0 }, lastSurveyedAt: minutesAgo(1) }).kind).toBe(
      'send',
    );
    expect(planSurvey({ ...input, hasSurveyForTicket: true })).toEqual({ kind: 'skip', reason: 'already-surveyed' });
  });

  it('respects a workspace that turned surveys off or excludes bot resolutions after the job was queued', () => {
    expect(planSurvey({ ...input, settings: defaultSurveySettings })).toEqual({ kind: 'skip', reason: 'disabled' });
    expect(planSurvey({ ...input, isAutomated: true })).toEqual({ kind: 'skip', reason: 'automated-resolution' });
    expect(planSurvey({ ...input, hasCustomerMessage: false })).toEqual({
      kind: 'skip',
      reason: 'no-customer-message',
    });
  });
});

describe('composeSurveyQuestion', () => {
  const base = { surveyId: 's-1', ticketNumber: 42, link: 'https://care.example/s/token' };

  it('offers the five CSAT scores as options on WhatsApp, Messenger and Instagram, in the customer language', () => {
    const question = composeSurveyQuestion({ ...base, kind: 'csat', language: 'it', channelKind: 'whatsapp' });
    expect(question.text).toBe(
      'Com’è andata con la tua richiesta n. 42? Rispondi con un voto da 1 (pessimo) a 5 (ottimo) e, se vuoi, un commento.',
    );
    expect(question.options.map((option) => option.payload)).toEqual([
      'survey:s-1:1',
      'survey:s-1:2',
      'survey:s-1:3',
      'survey:s-1:4',
      'survey:s-1:5',
    ]);
    expect(question.options[4]?.title).toBe('5 - Ottimo');
    expect(question.menuLabel).toBe('Scegli un voto');
    const english = composeSurveyQuestion({ ...base, kind: 'csat', language: 'en', channelKind: 'messenger' });
    expect(english.options[0]?.title).toBe('1 - Very poor');
  });

  it('offers all eleven NPS scores where they fit, and the signed link where they do not', () => {
    expect(
      composeSurveyQuestion({ ...base, kind: 'nps', language: 'en', channelKind: 'instagram' }).options,
    ).toHaveLength(11);
    const whatsapp = composeSurveyQuestion({ ...base, kind: 'nps', language: 'en', channelKind: 'whatsapp' });
    expect(whatsapp.options).toEqual([]);
    expect(whatsapp.text).toMatch(/You can also answer here: https:\/\/care\.example\/s\/token$/);
  });

  it('links from e-mail and X, speaks English to other languages, and asks for a reply when there is no link', () => {
    const email = composeSurveyQuestion({ ...base, kind: 'csat', language: 'it', channelKind: 'email' });
    expect(email.options).toEqual([]);
    expect(email.text).toMatch(/Puoi anche rispondere qui: https:\/\/care\.example\/s\/token$/);
    const german = composeSurveyQuestion({ ...base, kind: 'csat', language: 'de', channelKind: 'x', link: null });
    expect(german.language).toBe('en');
    expect(german.text).toBe(
      'How did we do with your request #42? Reply with a score from 1 (very poor) to 5 (excellent) and, if you like, a comment.',
    );
  });
});

describe('planSurveyAnswer', () => {
  it('takes a tapped option of this survey, or a written score with its comment', () => {
    expect(planSurveyAnswer({ survey, text: '2 - Scarso', payload: 'survey:s-1:2', now })).toEqual({
      kind: 'score',
      score: 2,
      comment: null,
    });
    expect(planSurveyAnswer({ survey, text: '4, tutto ok', payload: null, now })).toEqual({
      kind: 'score',
      score: 4,
      comment: 'tutto ok',
    });
    expect(planSurveyAnswer({ survey, text: 'cinque', payload: 'survey:other:1', now })).toEqual({
      kind: 'score',
      score: 5,
      comment: null,
    });
  });

  it('asks once more in the survey language, then gives up with survey.expired', () => {
    const first = planSurveyAnswer({ survey, text: 'boh', payload: null, now });
    expect(first).toEqual({
      kind: 'reask',
      survey: { ...survey, reaskedAt: now },
      reply: 'Scusa, non abbiamo capito il voto. Puoi rispondere solo con un numero da 1 a 5?',
    });
    const second = planSurveyAnswer({
      survey: { ...survey, reaskedAt: now },
      text: 'il pacco è ancora rotto',
      payload: null,
      now,
    });
    expect(second).toMatchObject({ kind: 'give-up', survey: { status: 'expired', score: null } });
    expect(second.kind === 'give-up' ? second.events.map((event) => event.data) : []).toEqual([
      { surveyId: 's-1', reason: 'unreadable-answers' },
    ]);
  });
});

describe('mayBeNewMatter', () => {
  it('lets triage judge sentences, not short muddled answers', () => {
    expect(mayBeNewMatter('Non saprei.')).toBe(false);
    expect(mayBeNewMatter('boh, vediamo')).toBe(false);
    expect(mayBeNewMatter('Il modem non si accende più da stamattina')).toBe(true);
    expect(mayBeNewMatter('1 2 3 4 5 6 ?')).toBe(false);
  });
});

describe('recordSurveyScore', () => {
  const record = (score: number, changes: Partial<SurveySettings> = {}, held: Partial<Ticket> = {}) =>
    recordSurveyScore({
      survey,
      score,
      comment: 'lenti',
      settings: { ...settings, ...changes },
      ticket: { ...ticket, ...held },
      supervisorIds: ['sup-1', 'sup-2'],
      actor: { type: 'customer', customerId: 'c-1' },
      now,
    });

  it('stores a good score with survey.answered only and thanks', () => {
    const recorded = record(4);
    expect(recorded.survey).toMatchObject({ status: 'answered', score: 4, comment: 'lenti', answeredAt: now });
    expect(recorded.events.map((event) => event.type)).toEqual(['survey.answered']);
    expect(recorded.events[0]?.data).toEqual({
      surveyId: 's-1',
      kind: 'csat',
      score: 4,
      comment: 'lenti',
      isLowScore: false,
    });
    expect(recorded.reopenedTicket).toBeNull();
    expect(recorded.reply).toBe('Grazie per il tuo voto!');
  });

  it('alerts the assignee on a score at the threshold, the supervisors when nobody holds the ticket', () => {
    const alert = record(2);
    expect(alert.events.map((event) => event.type)).toEqual(['survey.answered', 'survey.low-score']);
    expect(alert.events[1]?.data).toMatchObject({ action: 'alert', notifiedAgentIds: ['agent-1'] });
    expect(record(2, {}, { assigneeId: null }).events[1]?.data).toMatchObject({ notifiedAgentIds: ['sup-1', 'sup-2'] });
    expect(record(3).events).toHaveLength(1);
    expect(record(3, { lowScoreThresholds: { csat: 3, nps: 6 } }).events).toHaveLength(2);
  });

  it('reopens the ticket so the customer waits for us, when so configured', () => {
    const reopened = record(1, { lowScoreAction: 'reopen' });
    expect(reopened.reopenedTicket).toMatchObject({ status: 'open', resolvedAt: null, waitingSince: now });
    expect(reopened.events.map((event) => event.type)).toEqual([
      'survey.answered',
      'survey.low-score',
      'ticket.status-changed',
    ]);
    const quiet = record(1, { lowScoreAction: 'none' });
    expect(quiet.reopenedTicket).toBeNull();
    expect(quiet.events[1]?.data).toMatchObject({ action: 'none', notifiedAgentIds: [] });
  });
});
