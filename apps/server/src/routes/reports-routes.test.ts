import { reportTicketColumns } from '@ascolta/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCredentials } from '../demo/demo-credentials.ts';
import { type ApiTestApp, createApiTestApp } from './api-test-app.test-support.ts';
import { scenario, seedScenario } from './reports-scenario.test-support.ts';

/*
 * The known scenario (reports-scenario.test-support.ts), Europe/Rome = UTC+1, calendar Mon–Fri 09–18,
 * policy normal 60/480, high 30/240 business minutes; report range Mon 5 – Sun 11 January 2026; now Tue 13 12:00.
 *
 * ticket  channel  band    opened           first response         resolved           FR cal/bus  RES cal/bus
 * T1      fb       normal  Mon 5 10:00      Mon 10:12 (agent a1)   Mon 11:00          12 / 12     60 / 60
 * T3      x        normal  Tue 6 20:00      Wed 7 09:30 (a1)       — (open)           810 / 30    —
 * T4      mail     normal  Wed 7 11:00      Wed 14:00 (a2)         Wed 15:00          180 / 180   240 / 240
 * T5      fb       normal  Thu 8 12:00      Thu 12:00 (bot)        Thu 12:00 (bot)    0 / 0       0 / 0
 * T2      fb       high    Fri 9 17:50      Mon 12 09:20 (a2)      Mon 12 10:00       3810 / 30   3850 / 70
 * T6      mail     high    Sat 10 10:00     —                      —                  —           —
 *   T3: 20:00 → 09:30 next day = 13 h 30 = 810 calendar; the calendar opens 09:00 → 30 business.
 *   T2: Fri 17:50 → Mon 09:20 = 2 d 15 h 30 = 3810; business = Fri 17:50–18:00 (10) + Mon 09:00–09:20 (20) = 30.
 *       Resolution Fri 17:50 → Mon 10:00 = 3850; business 10 + 60 = 70.
 *   T5: the bot's automatic resolution at 12:00 is its first response (the auto-answer message leaves 12:01).
 */

let api: ApiTestApp;
const auth = { authorization: `Bearer ${scenario.apiKey}` };
const week = 'from=2026-01-05&to=2026-01-11';

const get = (url: string, headers: Record<string, string> = auth) => api.app.inject({ method: 'GET', url, headers });
const report = async (name: string, query = week) => {
  const answer = await get(`/api/v1/reports/${name}?${query}`);
  if (answer.statusCode !== 200) throw new Error(`${name}: ${answer.statusCode} ${answer.body}`);
  return answer.json().report;
};

beforeAll(async () => {
  api = await createApiTestApp();
  await seedScenario(api.store);
  api.clock.set(scenario.now);
});
afterAll(() => api.close());

describe('reports of the known scenario (Europe/Rome, calendar and business minutes)', () => {
  it('volume: tickets by day, channel, kind and category; messages by local day', async () => {
    const volume = await report('volume');
    // Six tickets in the week (T0 opened on 2 January is outside); one a day Mon–Sat, none on Sunday.
    expect(volume.totals).toMatchObject({
      ticketsOpened: 6,
      messagesReceived: 11,
      byChannel: { fb: 3, x: 1, mail: 2 },
      byChannelKind: { facebook: 3, x: 1, email: 2 },
      byKind: { complaint: 3, question: 2, request: 1 },
      byCategory: { delivery: 2, billing: 2, account: 1, 'product-info': 1 },
    });
    // Buckets start at local midnight: 2026-01-05 00:00 Rome = 2026-01-04T23:00Z.
    expect(volume.buckets.map((bucket: { start: string }) => bucket.start)).toEqual(
      [4, 5, 6, 7, 8, 9, 10].map((day) => `2026-01-${String(day).padStart(2, '0')}T23:00:00.000Z`),
    );
    expect(volume.buckets.map((bucket: { ticketsOpened: number }) => bucket.ticketsOpened)).toEqual([
      1, 1, 1, 1, 1, 1, 0,
    ]);
    // Monday: m11 (00:30), m1, m7 → 3 received, 2 ignored; Thursday m5, m8; Friday m9, m2; Sunday m10 (23:30).
    expect(volume.buckets.map((bucket: { messagesReceived: number }) => bucket.messagesReceived)).toEqual([
      3, 1, 1, 2, 2, 1, 1,
    ]);
    expect(volume.buckets.map((bucket: { messagesIgnored: number }) => bucket.messagesIgnored)).toEqual([
      2, 0, 0, 1, 0, 0, 0,
    ]);
    expect(volume.buckets[0]).toMatchObject({
      byChannel: { fb: 1 },
      byKind: { complaint: 1 },
      byCategory: { delivery: 1 },
    });
  });

  it('time zone: the same day counted in UTC loses the message sent at 00:30 Rome, and hours bucket in UTC', async () => {
    const rome = await report('volume', 'from=2026-01-05&to=2026-01-05');
    expect(rome.totals.messagesReceived).toBe(3);
    // m11 at 00:30 Rome is 23:30 UTC on Sunday 4: outside Monday in UTC. m1 09:00Z and m7 13:00Z remain.
    const utc = await report('volume', 'from=2026-01-05&to=2026-01-05&timeZone=UTC&bucket=hour');
    expect(utc.totals.messagesReceived).toBe(2);
    expect(utc.buckets).toHaveLength(24);
    expect(utc.buckets[9]).toMatchObject({ start: '2026-01-05T09:00:00.000Z', ticketsOpened: 1, messagesReceived: 1 });
    expect(utc.buckets[13]).toMatchObject({
      start: '2026-01-05T13:00:00.000Z',
      messagesReceived: 1,
      messagesIgnored: 1,
    });
    // Asia/Kolkata (UTC+5:30): the local day 5 January starts at 2026-01-04T18:30Z and holds m11, m1, m7.
    const kolkata = await report('volume', 'from=2026-01-05&to=2026-01-05&timeZone=Asia/Kolkata');
    expect(kolkata.buckets[0].start).toBe('2026-01-04T18:30:00.000Z');
    expect(kolkata.totals.messagesReceived).toBe(3);
  });

  it('triage: actionable versus ignored with the reasons', async () => {
    // 11 received: ignored m7, m11 (not-actionable), m8 (spam); failed m9; the other 7 are actionable.
    expect(await report('triage')).toEqual({
      messagesReceived: 11,
      actionable: 7,
      ignored: 3,
      failed: 1,
      actionableShare: 0.6364, // 7 / 11
      ignoredReasons: [
        { reason: 'not-actionable', count: 2 },
        { reason: 'spam', count: 1 },
      ],
    });
  });

  it('response times: median and p90 in calendar and business minutes', async () => {
    const times = await report('response-times');
    // First response, 5 answered: calendar 0, 12, 180, 810, 3810 → median 180; p90 (linear) at rank
    // 0.9 × 4 = 3.6 → 810 + 0.6 × 3000 = 2610; mean 4812 / 5 = 962.4.
    expect(times.firstResponse.calendar).toEqual({
      count: 5,
      medianMinutes: 180,
      p90Minutes: 2610,
      averageMinutes: 962.4,
    });
    // Business 0, 12, 30, 30, 180 → median 30; p90 30 + 0.6 × 150 = 120; mean 252 / 5 = 50.4.
    expect(times.firstResponse.business).toEqual({
      count: 5,
      medianMinutes: 30,
      p90Minutes: 120,
      averageMinutes: 50.4,
    });
    // Resolution, 4 resolved: calendar 0, 60, 240, 3850 → median 150; p90 at 2.7 → 240 + 0.7 × 3610 = 2767; mean 1037.5.
    expect(times.resolution.calendar).toEqual({
      count: 4,
      medianMinutes: 150,
      p90Minutes: 2767,
      averageMinutes: 1037.5,
    });
    // Business 0, 60, 70, 240 → median 65; p90 70 + 0.7 × 170 = 189; mean 370 / 4 = 92.5.
    expect(times.resolution.business).toEqual({ count: 4, medianMinutes: 65, p90Minutes: 189, averageMinutes: 92.5 });
    // Friday's bucket holds T2 alone: 3810 calendar, 30 business.
    expect(times.buckets[4]).toEqual({
      start: '2026-01-08T23:00:00.000Z',
      firstResponseMedianMinutes: 3810,
      firstResponseBusinessMedianMinutes: 30,
      resolutionMedianMinutes: 3850,
      resolutionBusinessMedianMinutes: 70,
    });
  });

  it('SLA attainment per policy, team and agent, and the Facebook and X badge targets', async () => {
    const sla = await report('sla');
    // First-response due (business): T1 11:00 (met 10:12); T3 Wed 10:00 (met 09:30); T4 12:00 (missed, 14:00);
    // T5 met at once; T2 high 30 → Mon 09:20 (met exactly); T6 high 30 → Mon 09:30, unanswered at now → missed.
    // Resolution due: T1 18:00 met; T3 Wed 17:00 open → missed; T4 Thu 10:00 met; T5 met; T2 Mon 12:50 met;
    // T6 Mon 13:00 open → missed. So 4 of 6 each.
    const overall = {
      eligible: 6,
      withinTarget: 4,
      attainment: 0.6667,
      resolutionEligible: 6,
      resolutionWithinTarget: 4,
    };
    expect(sla.overall).toMatchObject(overall);
    expect(sla.policies).toEqual([{ policyId: 'rw-sla', name: 'Standard', ...overall, resolutionAttainment: 0.6667 }]);
    const team = (id: string | null) => sla.teams.find((row: { teamId: string | null }) => row.teamId === id);
    // Care (t1): T1 ✓ T2 ✓ T3 ✓ T6 ✗ → 3/4; resolution T1 ✓ T2 ✓ T3 ✗ T6 ✗ → 2/4. No team: T4 ✗ T5 ✓; both resolved in time.
    expect(team('t1')).toMatchObject({
      name: 'Care',
      eligible: 4,
      withinTarget: 3,
      attainment: 0.75,
      resolutionAttainment: 0.5,
    });
    expect(team(null)).toMatchObject({
      name: 'No team',
      eligible: 2,
      withinTarget: 1,
      attainment: 0.5,
      resolutionAttainment: 1,
    });
    const agent = (id: string | null) => sla.agents.find((row: { agentId: string | null }) => row.agentId === id);
    expect(agent('a1')).toMatchObject({ name: 'Anna', eligible: 3, withinTarget: 2, attainment: 0.6667 });
    expect(agent('a2')).toMatchObject({ name: 'Bruno', eligible: 2, withinTarget: 1, attainment: 0.5 });
    expect(agent(null)).toMatchObject({ name: 'Unassigned', eligible: 1, withinTarget: 1, attainment: 1 });
    // Facebook (T1 12 ✓, T5 0 ✓, T2 3810 ✗): 2/3 within 15 minutes < 90% → not met. X (T3 810 > 120) → 0/1.
    expect(sla.badges.facebookVeryResponsive).toMatchObject({
      eligible: 3,
      withinTarget: 2,
      share: 0.6667,
      isMet: false,
    });
    expect(sla.badges.xWithinTwoHours).toMatchObject({
      eligible: 1,
      withinTarget: 0,
      share: 0,
      isMet: false,
      targetMinutes: 120,
    });
  });

  it('backlog at the end of the range and its age', async () => {
    // End = Mon 12 00:00 Rome. Open then: T2 (resolved Mon 10:00), T3, T6. T0 was resolved on 3 January.
    // Ages: T2 Fri 17:50 → 3250 min; T3 Tue 20:00 → 7440; T6 Sat 10:00 → 2280. Median 3250, oldest 7440.
    expect(await report('backlog')).toEqual({
      open: 3,
      medianAgeMinutes: 3250,
      oldestAgeMinutes: 7440,
      byAge: [
        { label: '< 1 h', maxMinutes: 60, count: 0 },
        { label: '1–4 h', maxMinutes: 240, count: 0 },
        { label: '4–24 h', maxMinutes: 1440, count: 0 },
        { label: '1–3 d', maxMinutes: 4320, count: 2 },
        { label: '3–7 d', maxMinutes: 10080, count: 1 },
        { label: '≥ 7 d', maxMinutes: null, count: 0 },
      ],
      byPriorityBand: { high: 2, normal: 1 },
      unanswered: 2, // T2 (answered after the end) and T6
    });
  });

  it('automation, handling and the business case against the default baseline', async () => {
    const automation = await report('automation');
    // Info asked on T4 (answered in full at once) and T6 (needed a reminder) → 1 of 2 in one interaction.
    // Bot messages: T3 ack, T4 request, T5 auto-answer, T6 request + reminder = 5; agent replies T1–T4 = 4.
    expect(automation).toMatchObject({
      tickets: 6,
      infoRequested: 2,
      infoCollectedInOneInteraction: 1,
      infoCollectedInOneInteractionShare: 0.5,
      autoAnswered: 1,
      autoResolved: 1,
      autoResolvedShare: 0.1667,
      interactionsPerTicket: 1.5, // 9 / 6
      humanInteractionsPerTicket: 0.67, // 4 / 6
    });
    expect(automation.handlingMinutes).toMatchObject({ count: 4, medianMinutes: 150 });
    const business = await report('business-case');
    // Handling 4150 min / 4 resolved = 17.29 h vs 48 h → −64%; agent hours 4 replies × 14 min = 0.93 h;
    // per ticket 0.156 h vs 1.12 → −86%; baseline hours 6 × 1.12 = 6.72.
    expect(business.handlingHoursPerTicket.measured).toBeCloseTo(4150 / 60 / 4, 6);
    expect(business.handlingHoursPerTicket.change).toBeCloseTo((4150 / 240 - 48) / 48, 6);
    expect(business.interactionsPerCase).toEqual({ baseline: 4, measured: 1.5, change: -0.625 });
    expect(business.agentHoursPerTicket.measured).toBeCloseTo((4 * 14) / 60 / 6, 6);
    expect(business.agentHours.baseline).toBeCloseTo(6.72, 6);
  });

  it('a baseline the workspace sets changes the business case', async () => {
    const supervisor = await api.signIn('marco.bianchi@ascolta.local');
    const baseline = {
      handlingHoursPerTicket: 24,
      interactionsPerCase: 3,
      agentHoursPerTicket: 1,
      agentMinutesPerInteraction: 30,
    };
    const put = await api.app.inject({
      method: 'PUT',
      url: '/api/v1/reports/baseline',
      headers: supervisor.headers,
      payload: baseline,
    });
    expect(put.statusCode).toBe(200);
    const demoCase = await api.app.inject({
      method: 'GET',
      url: '/api/v1/reports/business-case?from=2026-11-01&to=2026-11-20',
      headers: supervisor.headers,
    });
    expect(demoCase.json().report.baseline).toEqual(baseline);
    // The scenario workspace keeps the defaults.
    expect((await report('business-case')).baseline.handlingHoursPerTicket).toBe(48);
  });

  it('agents: handled, replies, durations, SLA and CSAT', async () => {
    const { items } = await report('agents');
    const anna = items.find((row: { agentId: string }) => row.agentId === 'a1');
    // Anna: T1, T3, T6; resolved T1; replies T1, T3; FR 12 and 810 → median 411, p90 12 + 0.9 × 798 = 730.2;
    // business 12 and 30 → median 21; CSAT: T1 scored 3 → 0% satisfied.
    expect(anna).toMatchObject({
      name: 'Anna',
      handled: 3,
      resolved: 1,
      replies: 2,
      csat: 0,
      csatResponses: 1,
      averageCsatScore: 3,
    });
    expect(anna.firstResponse.calendar).toMatchObject({ medianMinutes: 411, p90Minutes: 730.2 });
    expect(anna.firstResponse.business).toMatchObject({ medianMinutes: 21 });
    const bruno = items.find((row: { agentId: string }) => row.agentId === 'a2');
    // Bruno: T2, T4; FR 3810 and 180 → median 1995; business 30 and 180 → 105; no CSAT.
    expect(bruno).toMatchObject({ handled: 2, resolved: 2, replies: 2, csat: null, csatResponses: 0 });
    expect(bruno.firstResponse.calendar.medianMinutes).toBe(1995);
    expect(bruno.firstResponse.business.medianMinutes).toBe(105);
  });

  it('CSAT and NPS with comments, counted by the day of the answer', async () => {
    const satisfaction = await report('satisfaction');
    // In the week: CSAT T1 = 3 (kind from its survey.sent), T5 = 5 (no kind: ≤ 5 reads as CSAT) → 1 of 2 satisfied
    // = 50%, mean 4. NPS T4 = 9 (promoter), T3 = 6 (detractor) → 50% − 50% = 0. T2's NPS 3 came on 12 January.
    expect(satisfaction.csat).toEqual({ responses: 2, satisfied: 1, score: 50, averageScore: 4 });
    expect(satisfaction.nps).toEqual({ responses: 2, promoters: 1, passives: 0, detractors: 1, score: 0 });
    expect(satisfaction.comments.map((comment: { ticketId: string }) => comment.ticketId)).toEqual(['T5', 'T4']);
    expect(satisfaction.comments[1]).toMatchObject({ kind: 'nps', score: 9, comment: 'Bene, ma lento\nservizio' });
    const next = await report('satisfaction', 'from=2026-01-12&to=2026-01-12');
    expect(next.nps).toMatchObject({ responses: 1, detractors: 1, score: -100 });
  });

  it('sentiment trend, rising topics and keywords against the week before', async () => {
    const sentiment = await report('sentiment');
    // Scores T1 −0.6, T2 0.1, T3 −0.8, T5 0.3, T6 −0.5 (T4 has none): mean −1.5 / 5 = −0.3; ≤ −0.2: 3 of 5.
    expect(sentiment.averageSentiment).toBeCloseTo(-0.3, 2);
    expect(sentiment.negativeShare).toBe(0.6);
    // Week before: T0 (delivery, "pacco"). Billing 2 vs 0; delivery 2 vs 1; account and product-info 1 vs 0.
    expect(sentiment.risingTopics).toEqual([
      { category: 'billing', current: 2, previous: 0, change: 2 },
      { category: 'delivery', current: 2, previous: 1, change: 1 },
      { category: 'account', current: 1, previous: 0, change: 1 },
      { category: 'product-info', current: 1, previous: 0, change: 1 },
    ]);
    expect(sentiment.risingKeywords).toEqual([
      { keyword: 'pacco', current: 2, previous: 1, change: 1 },
      { keyword: 'arrivato', current: 1, previous: 0, change: 1 },
      { keyword: 'ritardo', current: 1, previous: 0, change: 1 },
    ]);
  });

  it('incidents from the event log', async () => {
    expect(await report('incidents')).toEqual({
      opened: 1,
      solutionsPublished: 1,
      items: [
        {
          incidentId: 'inc1',
          category: 'delivery',
          openedAt: '2026-01-06T19:00:00.000Z',
          solutionPublishedAt: '2026-01-07T11:00:00.000Z',
          tickets: 1,
        },
      ],
    });
  });

  it('overview carries every main section with the same figures', async () => {
    const overview = await report('overview');
    expect(overview.volume.totals.ticketsOpened).toBe(6);
    expect(overview.responseTimes.firstResponse.business.medianMinutes).toBe(30);
    expect(overview.sla.overall.attainment).toBe(0.6667);
    expect(overview.backlog.open).toBe(3);
    expect(overview.satisfaction.nps.score).toBe(0);
  });
});

describe('filters', () => {
  it('channel, agent, priority band and language narrow the tickets', async () => {
    // Facebook: T1 12, T5 0, T2 3810 → median 12.
    const facebook = await report('response-times', `${week}&channel=fb`);
    expect(facebook.firstResponse.calendar).toMatchObject({ count: 3, medianMinutes: 12 });
    expect((await report('volume', `${week}&agent=a1`)).totals.ticketsOpened).toBe(3);
    const high = await report('sla', `${week}&priorityBand=high`);
    expect(high.overall).toMatchObject({ eligible: 2, withinTarget: 1 }); // T2 ✓, T6 ✗
    expect((await report('volume', `${week}&language=it`)).totals.byKind).toEqual({ complaint: 3, request: 1 });
    expect((await report('backlog', `${week}&team=t1`)).open).toBe(3);
    // Messages know their channel: Facebook received m11, m1, m7, m5, m2, m10.
    expect((await report('triage', `${week}&channel=fb`)).messagesReceived).toBe(6);
  });

  it('drill-down: the tickets behind one day, and the backlog', async () => {
    const friday = await get(`/api/v1/reports/tickets?${week}&bucketStart=2026-01-08T23:00:00.000Z`);
    expect(friday.json().items.map((row: { ticketId: string }) => row.ticketId)).toEqual(['T2']);
    const backlog = await get(`/api/v1/reports/tickets?${week}&openAtEnd=true`);
    expect(backlog.json().items.map((row: { ticketId: string }) => row.ticketId)).toEqual(['T3', 'T2', 'T6']);
    const page = await get(`/api/v1/reports/tickets?${week}&limit=4`);
    expect(page.json().items).toHaveLength(4);
    const rest = await get(`/api/v1/reports/tickets?${week}&limit=4&cursor=${page.json().nextCursor}`);
    expect(rest.json()).toMatchObject({ nextCursor: null });
    expect(rest.json().items.map((row: { ticketId: string }) => row.ticketId)).toEqual(['T2', 'T6']);
  });
});

describe('CSV', () => {
  it('exports one row per ticket with the documented columns, RFC 4180 quoting', async () => {
    const answer = await get(`/api/v1/reports/tickets.csv?${week}`);
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toContain('text/csv');
    const lines = answer.body.split('\r\n');
    expect(lines[0]).toBe(reportTicketColumns.join(','));
    expect(lines[0]).toContain('ticketNumber,channelId,channelKind,category,kind,language,priorityBand,teamId,agentId');
    // Header, six tickets, and the newline inside T4's comment keeps its record on two physical lines.
    expect(answer.body).toContain('"Fast, ""great"", thanks"');
    expect(answer.body).toContain('"Bene, ma lento\nservizio"');
    const t2 = lines.find((line) => line.startsWith('T2,'));
    // T2: number 3, fb, facebook, billing, question, en, high, t1, a2, resolved, opened Fri 16:50Z …
    expect(t2).toBe(
      'T2,3,fb,facebook,billing,question,en,high,t1,a2,resolved,2026-01-09T16:50:00.000Z,2026-01-12T08:20:00.000Z,' +
        '2026-01-12T09:00:00.000Z,3810,30,3850,70,true,true,1,1,false,false,0.1,,3,',
    );
    const withAccept = await get(`/api/v1/reports/tickets?${week}`, { ...auth, accept: 'text/csv' });
    expect(withAccept.body).toBe(answer.body);
  });

  it('exports a named report as metric,value rows', async () => {
    const answer = await get(`/api/v1/reports/triage?${week}&format=csv`);
    expect(answer.headers['content-type']).toContain('text/csv');
    expect(answer.body.split('\r\n')).toEqual(
      expect.arrayContaining(['metric,value', 'messagesReceived,11', 'ignoredReasons.1.reason,spam']),
    );
  });
});

describe('bad input and permissions', () => {
  const rejects = async (query: string, fragment: string) => {
    const answer = await get(`/api/v1/reports/overview?${query}`);
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.message).toContain(fragment);
  };

  it('answers 400 with a message naming the problem', async () => {
    await rejects('from=2026-01-11&to=2026-01-05', '`to` must not be before `from`');
    await rejects('from=2026-02-30&to=2026-03-01', 'not a calendar date');
    await rejects('from=2026-01-05', 'to');
    await rejects(`${week}&timeZone=Mars/Olympus`, 'IANA time zone');
    await rejects(`${week}&channel=nope`, "no channel 'nope'");
    await rejects(`${week}&agent=ghost`, "no agent 'ghost'");
    await rejects(`${week}&category=unicorns`, "'unicorns' is not a category");
    await rejects(`${week}&priorityBand=extreme`, 'priorityBand');
    await rejects('from=2024-01-01&to=2026-01-01', 'at most 400 days');
    await rejects('from=2026-01-01&to=2026-03-01&bucket=hour', 'hourly buckets');
    const cursor = await get(`/api/v1/reports/tickets?${week}&cursor=garbage`);
    expect(cursor.statusCode).toBe(400);
  });

  it('lets supervisors, admins and reports keys in, and keeps agents and other keys out', async () => {
    const agent = await api.signIn('sara.conti@ascolta.local');
    const refused = await get(`/api/v1/reports/today`, agent.headers);
    expect(refused.statusCode).toBe(403);
    expect(
      (await get('/api/v1/reports/today', (await api.signIn('marco.bianchi@ascolta.local')).headers)).statusCode,
    ).toBe(200);
    expect((await get('/api/v1/reports/today', { authorization: `Bearer ${demoCredentials.apiKey}` })).statusCode).toBe(
      200,
    );
    expect(
      (await get(`/api/v1/reports/overview?${week}`, { authorization: `Bearer ${scenario.readOnlyKey}` })).statusCode,
    ).toBe(403);
    expect((await get(`/api/v1/reports/overview?${week}`, {})).statusCode).toBe(401);
  });

  it('lists the report routes in the OpenAPI document', async () => {
    const paths = Object.keys((await api.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/v1/reports/overview', '/api/v1/reports/tickets.csv', '/api/v1/reports/today']),
    );
  });
});

describe('today', () => {
  it('sums the local day so far for the supervisor console', async () => {
    // Monday 12 January 12:00 Rome: T2 answered 09:20 (3810 min, in time) and resolved 10:00; open now T3 and T6;
    // T6 still unanswered since Sat 10:00 = 50 h = 3000 min.
    api.clock.set(new Date('2026-01-12T11:00:00Z'));
    try {
      const today = (await get('/api/v1/reports/today')).json();
      expect(today).toMatchObject({
        date: '2026-01-12',
        timeZone: 'Europe/Rome',
        messagesReceived: 0,
        ticketsOpened: 0,
        ticketsResolved: 1,
        autoResolved: 0,
        openTickets: 2,
        waitingForFirstResponse: 1,
        oldestWaitingMinutes: 3000,
        firstResponseMedianMinutes: 3810,
        slaAttainment: 1,
        slaBreaches: 0,
        csat: null,
      });
    } finally {
      api.clock.set(scenario.now);
    }
  });
});
