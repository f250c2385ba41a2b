import { describe, expect, it } from 'vitest';
import type { Incident } from '../ticket/ticket.ts';
import {
  type DetectIncidentInput,
  defaultIncidentOptions,
  detectIncident,
  type IncidentReport,
} from './detect-incident.ts';
import { planIncidentBroadcast } from './plan-incident-broadcast.ts';
import { tokenSetSimilarity } from './token-set-similarity.ts';

const now = new Date('2026-03-10T10:00:00Z');
const minutesAgo = (minutes: number): Date => new Date(now.getTime() - minutes * 60_000);

const report = (
  ticketId: string,
  customerId: string,
  text: string,
  overrides: Partial<IncidentReport> = {},
): IncidentReport => ({
  ticketId,
  customerId,
  category: 'technical',
  text,
  reportedAt: minutesAgo(10),
  incidentId: null,
  ...overrides,
});

const outage = (ticketId: string, customerId: string, minutes = 10) =>
  report(ticketId, customerId, "L'app non funziona, il login dà errore da stamattina", {
    reportedAt: minutesAgo(minutes),
  });

const input = (overrides: Partial<DetectIncidentInput> = {}): DetectIncidentInput => ({
  workspaceId: 'ws',
  report: report('t3', 'carla', '@brand il login della app non funziona, errore!!'),
  recentReports: [outage('t1', 'anna'), outage('t2', 'bruno')],
  openIncidents: [],
  options: defaultIncidentOptions,
  now,
  newId: () => 'inc-1',
  ...overrides,
});

describe('tokenSetSimilarity', () => {
  it('compares meaningful words, ignoring case, accents, handles and links', () => {
    expect(tokenSetSimilarity('@brand Il LOGIN dà errore https://x.co/a', 'login da errore')).toBe(1);
    expect(tokenSetSimilarity('pacco in ritardo', 'fattura sbagliata')).toBe(0);
    expect(tokenSetSimilarity('', '')).toBe(0);
  });

  it('matches short posts about one outage across wording and language (stems and symptom words)', () => {
    const posts = [
      "Internet down a Milano da mezz'ora, anche per voi?",
      'La fibra non funziona, zona Navigli. Aiuto',
      'Nessuna connessione da 40 minuti, che succede?',
      'Internet is down in Milan, anyone else?',
      'No connection for the last 40 minutes, what is going on?',
      'Is there an outage? Fibre not working',
    ];
    for (const a of posts)
      for (const b of posts) expect(tokenSetSimilarity(a, b), `${a} / ${b}`).toBeGreaterThanOrEqual(0.3);
    expect(tokenSetSimilarity(posts[0] ?? '', 'la fattura di marzo è sbagliata')).toBe(0);
  });
});

describe('detectIncident', () => {
  it('opens an incident when enough distinct customers report the same thing', () => {
    const decision = detectIncident(input());
    expect(decision.kind).toBe('open');
    if (decision.kind !== 'open') return;
    expect(decision.ticketIds).toEqual(['t3', 't1', 't2']);
    expect(decision.incident).toMatchObject({ id: 'inc-1', category: 'technical', status: 'open' });
    expect(decision.events[0]).toMatchObject({ type: 'incident.opened', data: { incidentId: 'inc-1' } });
  });

  it('counts customers, not posts', () => {
    expect(detectIncident(input({ recentReports: [outage('t1', 'carla'), outage('t2', 'carla')] })).kind).toBe('none');
  });

  it('ignores other categories, old reports and different problems', () => {
    const elsewhere = [report('t1', 'anna', outage('', '').text, { category: 'billing' }), outage('t2', 'bruno', 500)];
    expect(detectIncident(input({ recentReports: elsewhere })).kind).toBe('none');
    const different = [report('t1', 'anna', 'la fattura di marzo è sbagliata'), outage('t2', 'bruno')];
    expect(detectIncident(input({ recentReports: different })).kind).toBe('none');
  });

  it('follows the configured threshold', () => {
    expect(detectIncident(input({ options: { ...defaultIncidentOptions, minCustomers: 4 } })).kind).toBe('none');
  });

  it('links to the open incident that similar reports already belong to', () => {
    const incident: Incident = {
      id: 'inc-9',
      workspaceId: 'ws',
      title: 'Pagamenti',
      category: 'technical',
      status: 'open',
      solution: {},
      openedAt: minutesAgo(30),
      resolvedAt: null,
    };
    const linkedReport = { ...outage('t1', 'anna'), incidentId: 'inc-9' };
    expect(detectIncident(input({ recentReports: [linkedReport], openIncidents: [incident] }))).toEqual({
      kind: 'link',
      incidentId: 'inc-9',
    });
  });
});

describe('detectIncident in a storm', () => {
  const incident = (id: string, title: string, openedMinutesAgo: number): Incident => ({
    id,
    workspaceId: 'ws',
    title,
    category: 'technical',
    status: 'open',
    solution: {},
    openedAt: minutesAgo(openedMinutesAgo),
    resolvedAt: null,
  });

  it('links a report that is like any linked report, though not like the title', () => {
    const linkedReport = report('t1', 'anna', 'Nessuna connessione da 40 minuti, che succede?', {
      incidentId: 'inc-9',
    });
    const decision = detectIncident(
      input({
        report: report('t3', 'carla', 'No connection for the last 40 minutes, what is going on?'),
        recentReports: [linkedReport],
        openIncidents: [incident('inc-9', 'Pagamenti bloccati', 20)],
      }),
    );
    expect(decision).toEqual({ kind: 'link', incidentId: 'inc-9' });
  });

  it('converges on the oldest open incident when two were opened for one problem', () => {
    const decision = detectIncident(
      input({
        report: report('t3', 'carla', 'Internet is down in Milan, anyone else?'),
        recentReports: [],
        openIncidents: [incident('inc-new', 'Internet down a Milano', 5), incident('inc-old', 'Fibra down', 15)],
      }),
    );
    expect(decision).toEqual({ kind: 'link', incidentId: 'inc-old' });
  });
});

describe('planIncidentBroadcast', () => {
  it('sends the solution in each open ticket language and lists what needs translating', () => {
    const incident: Incident = {
      id: 'inc-1',
      workspaceId: 'ws',
      title: 'Login',
      category: 'technical',
      status: 'resolved',
      solution: { it: 'Il login funziona di nuovo.', en: 'Login works again.' },
      openedAt: now,
      resolvedAt: now,
    };
    const broadcast = planIncidentBroadcast(incident, [
      { id: 't1', customerId: 'a', language: 'it', status: 'open' },
      { id: 't2', customerId: 'b', language: 'en', status: 'pending' },
      { id: 't3', customerId: 'c', language: 'de', status: 'open' },
      { id: 't4', customerId: 'd', language: 'it', status: 'closed' },
    ]);
    expect(broadcast.messages).toEqual([
      { ticketId: 't1', language: 'it', text: 'Il login funziona di nuovo.' },
      { ticketId: 't2', language: 'en', text: 'Login works again.' },
    ]);
    expect(broadcast.untranslatedTicketIds).toEqual(['t3']);
    expect(broadcast.events.map((event) => event.type)).toEqual(['incident.solution-published']);
  });
});
