import type { Agent, BusinessHours, Channel, DomainEvent, SlaPolicy, Store } from '@ascolta/core';
import { aCustomer, aTicket, aWorkspace } from '@ascolta/db/testing';
import { hashApiKey } from '../http/authenticate.ts';

/**
 * The known scenario of the report tests: workspace `rw` in Europe/Rome (CET, UTC+1 in January), open
 * Monday–Friday 09:00–18:00, one SLA policy (normal: first response 60, resolution 480 business minutes;
 * high: 30 and 240). Week of Monday 5 – Sunday 11 January 2026; "now" is Tuesday 13 January 12:00.
 * Every figure the tests expect is worked out by hand in report-routes.test.ts from the timeline below.
 */
export const scenario = {
  workspaceId: 'rw',
  apiKey: 'reports-scenario-key',
  readOnlyKey: 'reports-scenario-read-key',
  now: new Date('2026-01-13T11:00:00Z'),
};

/** A wall-clock time in Rome in January (UTC+1). */
export const rome = (dateTime: string): Date => new Date(`${dateTime.replace(' ', 'T')}:00+01:00`);

const ws = scenario.workspaceId;
const created = rome('2025-12-01 09:00');

const hours: BusinessHours = {
  id: 'rw-hours',
  workspaceId: ws,
  name: 'Office',
  timeZone: 'Europe/Rome',
  intervals: ([1, 2, 3, 4, 5] as const).map((day) => ({ day, startMinute: 9 * 60, endMinute: 18 * 60 })),
  holidays: [],
};

const targets = (first: number, resolution: number) => ({
  firstResponseMinutes: first,
  nextResponseMinutes: first,
  resolutionMinutes: resolution,
});

const policy: SlaPolicy = {
  id: 'rw-sla',
  workspaceId: ws,
  name: 'Standard',
  businessHoursId: hours.id,
  targets: { low: targets(120, 960), normal: targets(60, 480), high: targets(30, 240), urgent: targets(15, 120) },
  breachRiskRatio: 0.2,
};

const channel = (id: string, kind: Channel['kind']): Channel => ({
  id,
  workspaceId: ws,
  kind,
  name: id,
  externalAccountId: `${id}-account`,
  handle: null,
  settings: {},
  health: { state: 'ok', lastError: null, lastErrorAt: null, retryAfter: null },
  isActive: true,
  createdAt: created,
});

const agent = (id: string, name: string): Agent => ({
  id,
  workspaceId: ws,
  email: `${id}@reports.test`,
  name,
  role: 'agent',
  skills: [],
  languages: ['it'],
  teamIds: ['t1'],
  capacity: 10,
  presence: 'online',
  businessHoursId: null,
  rating: null,
  averageFirstResponseMinutes: null,
  createdAt: created,
});

type Draft = Omit<DomainEvent, 'id' | 'workspaceId' | 'customerId' | 'actor'> & { actor?: DomainEvent['actor'] };
const system = { type: 'system' } as const;
const byAgent = (agentId: string) => ({ type: 'agent', agentId }) as const;

let counter = 0;
const event = (draft: Draft): DomainEvent =>
  ({ actor: system, ...draft, id: `rw-e${++counter}`, workspaceId: ws, customerId: 'rw-c' }) as DomainEvent;

/** `ticket.opened` with the dimensions newer producers add (kind, language, sentiment, keywords). */
const opened = (ticketId: string, at: string, data: Record<string, unknown>) =>
  event({ type: 'ticket.opened', ticketId, occurredAt: rome(at), data } as Draft);

const e = (
  type: DomainEvent['type'],
  ticketId: string | null,
  at: string,
  data: Record<string, unknown>,
  actor?: DomainEvent['actor'],
) => event({ type, ticketId, occurredAt: rome(at), data, ...(actor === undefined ? {} : { actor }) } as Draft);

const received = (id: string, channelId: string, at: string) =>
  e('message.received', null, at, { messageId: id, channelId });

export const scenarioEvents = (): DomainEvent[] => [
  // T0, the week before (rising topics compare with it): delivery, resolved before the range.
  opened('T0', '2026-01-02 10:00', {
    category: 'delivery',
    priorityBand: 'normal',
    channelId: 'fb',
    keywords: ['pacco'],
  }),
  e('ticket.resolved', 'T0', '2026-01-03 10:00', { isAutomated: false }),
  // m11 at 00:30 Rome on Monday is Sunday 23:30 UTC: in the range in Rome, out of it in UTC.
  received('m11', 'fb', '2026-01-05 00:30'),
  e('message.ignored', null, '2026-01-05 00:30', { messageId: 'm11', reason: 'not-actionable' }),
  // T1 Facebook, answered after 12 minutes, resolved after 60; CSAT 3.
  received('m1', 'fb', '2026-01-05 10:00'),
  opened('T1', '2026-01-05 10:00', {
    category: 'delivery',
    priorityBand: 'normal',
    channelId: 'fb',
    kind: 'complaint',
    language: 'it',
    sentiment: -0.6,
    keywords: ['pacco', 'arrivato'],
  }),
  e('ticket.assigned', 'T1', '2026-01-05 10:00', { agentId: 'a1', teamId: 't1', reason: 'rule' }),
  e('ticket.replied', 'T1', '2026-01-05 10:12', { messageIds: ['o1'], visibility: 'public' }, byAgent('a1')),
  e('message.sent', 'T1', '2026-01-05 10:13', { messageId: 'o1', channelId: 'fb', isAutomated: false }, byAgent('a1')),
  e('ticket.resolved', 'T1', '2026-01-05 11:00', { isAutomated: false }, byAgent('a1')),
  e('survey.sent', 'T1', '2026-01-05 11:05', { surveyId: 's1', kind: 'csat' }),
  e('survey.answered', 'T1', '2026-01-05 12:00', { surveyId: 's1', score: 3 }),
  received('m7', 'fb', '2026-01-05 14:00'),
  e('message.ignored', null, '2026-01-05 14:00', {
    messageId: 'm7',
    reason: 'not-actionable',
    kind: 'praise',
    category: 'other',
    language: 'it',
  }),
  // T3 X, Tuesday 20:00 (closed): a bot acknowledgement is no response; answered Wednesday 09:30; stays open.
  received('m3', 'x', '2026-01-06 20:00'),
  opened('T3', '2026-01-06 20:00', {
    category: 'delivery',
    priorityBand: 'normal',
    channelId: 'x',
    kind: 'complaint',
    language: 'it',
    sentiment: -0.8,
    keywords: ['pacco', 'ritardo'],
  }),
  e('ticket.assigned', 'T3', '2026-01-06 20:00', { agentId: 'a1', teamId: 't1', reason: 'rule' }),
  e('incident.opened', 'T3', '2026-01-06 20:00', { incidentId: 'inc1', category: 'delivery' }),
  e('message.sent', 'T3', '2026-01-06 20:01', {
    messageId: 'o3a',
    channelId: 'x',
    isAutomated: true,
    purpose: 'acknowledgement',
  }),
  e('ticket.replied', 'T3', '2026-01-07 09:30', { messageIds: ['o3b'], visibility: 'public' }, byAgent('a1')),
  e('incident.solution-published', null, '2026-01-07 12:00', { incidentId: 'inc1' }),
  e('survey.answered', 'T3', '2026-01-08 10:00', { surveyId: 's3', score: 6, kind: 'nps' }),
  // T4 e-mail: the bot asks once, the customer answers everything; agent a2 (no team) answers late.
  received('m4', 'mail', '2026-01-07 11:00'),
  opened('T4', '2026-01-07 11:00', {
    category: 'account',
    priorityBand: 'normal',
    channelId: 'mail',
    kind: 'request',
    language: 'it',
  }),
  e('ticket.info-requested', 'T4', '2026-01-07 11:00', { fields: ['order', 'email'] }),
  e('message.sent', 'T4', '2026-01-07 11:00', {
    messageId: 'o4a',
    channelId: 'mail',
    isAutomated: true,
    purpose: 'info-request',
  }),
  e(
    'ticket.info-collected',
    'T4',
    '2026-01-07 11:30',
    { fields: ['order', 'email'] },
    { type: 'customer', customerId: 'rw-c' },
  ),
  e('ticket.assigned', 'T4', '2026-01-07 11:30', { agentId: 'a2', teamId: null, reason: 'rule' }),
  e('ticket.replied', 'T4', '2026-01-07 14:00', { messageIds: ['o4b'], visibility: 'private' }, byAgent('a2')),
  e('ticket.resolved', 'T4', '2026-01-07 15:00', { isAutomated: false }, byAgent('a2')),
  e('survey.answered', 'T4', '2026-01-07 16:00', {
    surveyId: 's4',
    score: 9,
    kind: 'nps',
    comment: 'Bene, ma lento\nservizio',
  }),
  // T5 Facebook, answered and resolved by the bot at once; CSAT 5 with a comment that needs CSV quoting.
  received('m5', 'fb', '2026-01-08 12:00'),
  opened('T5', '2026-01-08 12:00', {
    category: 'product-info',
    priorityBand: 'normal',
    channelId: 'fb',
    kind: 'question',
    language: 'en',
    sentiment: 0.3,
  }),
  e('ticket.resolved', 'T5', '2026-01-08 12:00', { isAutomated: true }),
  e('message.sent', 'T5', '2026-01-08 12:01', {
    messageId: 'o5',
    channelId: 'fb',
    isAutomated: true,
    purpose: 'auto-answer',
  }),
  e('survey.answered', 'T5', '2026-01-08 12:30', { surveyId: 's5', score: 5, comment: 'Fast, "great", thanks' }),
  received('m8', 'x', '2026-01-08 09:00'),
  e('message.ignored', null, '2026-01-08 09:00', { messageId: 'm8', reason: 'spam' }),
  // T2 Facebook, high, Friday 17:50: answered Monday 09:20 (30 business minutes), resolved Monday 10:00.
  received('m9', 'mail', '2026-01-09 08:00'),
  e('message.failed', null, '2026-01-09 08:01', { messageId: 'm9', error: 'triage failed' }),
  received('m2', 'fb', '2026-01-09 17:50'),
  opened('T2', '2026-01-09 17:50', {
    category: 'billing',
    priorityBand: 'high',
    channelId: 'fb',
    kind: 'question',
    language: 'en',
    sentiment: 0.1,
  }),
  e('ticket.assigned', 'T2', '2026-01-09 17:50', { agentId: 'a2', teamId: 't1', reason: 'rule' }),
  // T6 e-mail, high, Saturday: the bot asks, reminds on Sunday, gets the answer; nobody has answered yet.
  received('m6', 'mail', '2026-01-10 10:00'),
  opened('T6', '2026-01-10 10:00', {
    category: 'billing',
    priorityBand: 'high',
    channelId: 'mail',
    kind: 'complaint',
    language: 'it',
    sentiment: -0.5,
  }),
  e('ticket.assigned', 'T6', '2026-01-10 10:00', { agentId: 'a1', teamId: 't1', reason: 'rule' }),
  e('ticket.info-requested', 'T6', '2026-01-10 10:00', { fields: ['order'] }),
  e('message.sent', 'T6', '2026-01-10 10:00', {
    messageId: 'o6a',
    channelId: 'mail',
    isAutomated: true,
    purpose: 'info-request',
  }),
  e('message.sent', 'T6', '2026-01-11 10:00', {
    messageId: 'o6b',
    channelId: 'mail',
    isAutomated: true,
    purpose: 'info-request-reminder',
  }),
  e('ticket.info-collected', 'T6', '2026-01-11 11:00', { fields: ['order'] }, { type: 'customer', customerId: 'rw-c' }),
  received('m10', 'fb', '2026-01-11 23:30'),
  // After the range (Monday 12): T2's answer and resolution, and its NPS 3.
  e('ticket.replied', 'T2', '2026-01-12 09:20', { messageIds: ['o2'], visibility: 'public' }, byAgent('a2')),
  e('ticket.resolved', 'T2', '2026-01-12 10:00', { isAutomated: false }, byAgent('a2')),
  e('survey.answered', 'T2', '2026-01-12 11:00', { surveyId: 's2', score: 3, kind: 'nps' }),
];

/** Ticket numbers (the CSV shows them): T0 → 100, T1 → 101, … */
const ticketIds = ['T0', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6'];

export const seedScenario = async (store: Store) => {
  await store.workspaces.insert(aWorkspace(ws, { timeZone: 'Europe/Rome' }));
  await store.businessHours.insert(hours);
  await store.slaPolicies.insert(policy);
  await store.teams.insert({
    id: 't1',
    workspaceId: ws,
    name: 'Care',
    categories: ['delivery', 'billing'],
    languages: ['it'],
    businessHoursId: null,
  });
  await store.agents.insert(agent('a1', 'Anna'), null);
  await store.agents.insert(agent('a2', 'Bruno'), null);
  for (const [id, kind] of [
    ['fb', 'facebook'],
    ['x', 'x'],
    ['mail', 'email'],
  ] as const)
    await store.channels.insert(channel(id, kind));
  await store.customers.insert(aCustomer(ws, 'rw-c'));
  await store.incidents.insert({
    id: 'inc1',
    workspaceId: ws,
    title: 'Parcels late',
    category: 'delivery',
    status: 'resolved',
    solution: {},
    openedAt: rome('2026-01-06 20:00'),
    resolvedAt: rome('2026-01-07 12:00'),
  });
  for (const id of ticketIds) {
    await store.tickets.insert(
      aTicket(ws, id, { customerId: 'rw-c', channelId: 'fb', incidentId: id === 'T3' ? 'inc1' : null }),
    );
  }
  for (const [id, secret, scopes] of [
    ['rw-key', scenario.apiKey, ['reports:read']],
    ['rw-read-key', scenario.readOnlyKey, ['tickets:read']],
  ] as const) {
    await store.apiKeys.insert({
      id,
      workspaceId: ws,
      name: id,
      secretHash: hashApiKey(secret),
      scopes: [...scopes],
      createdAt: created,
      revokedAt: null,
      lastUsedAt: null,
    });
  }
  const events = scenarioEvents().sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  await store.events.append(events);
};
