import { demoAccounts, type XPerson, xDirectMessageDelivery, xTweetDelivery } from '@ascolta/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCredentials } from '../src/demo/demo-credentials.ts';
import { demoWorkspaceId } from '../src/demo/demo-ids.ts';
import { createSurveyLinks } from '../src/routes/survey-links.ts';
import { type PipelineEnvironment, startPipelineEnvironment } from './support/pipeline-environment.ts';
import { type PipelineServer, startPipelineServer } from './support/start-pipeline-server.ts';
import { type SurveySteps, surveySteps } from './support/survey-steps.ts';
import { waitUntil } from './support/wait-until.ts';

// Issue #7 item 2 on X: NPS by DM with a signed link, a text answer with a comment, once per period, the page.
let environment: PipelineEnvironment;
let pipeline: PipelineServer;
let steps: SurveySteps;

const brand: XPerson = {
  id: demoAccounts.xAccountId,
  screenName: demoAccounts.xHandle,
  name: 'Ascolta',
  followers: 0,
  verified: true,
};
const emma: XPerson = {
  id: '4400000000000701',
  screenName: 'emma_w',
  name: 'Emma Walsh',
  followers: 50,
  verified: false,
};
const luca: XPerson = {
  id: '4400000000000702',
  screenName: 'luca_f',
  name: 'Luca Ferri',
  followers: 80,
  verified: false,
};
const dmsTo = (person: XPerson) => environment.platform.sent({ recipient: person.id });

/** A tweet to the brand through the webhook; resolves with its ticket id once the pipeline has it. */
const complain = async (author: XPerson, tweetId: string, text: string, lang: string): Promise<string> => {
  const body = xTweetDelivery({
    forUserId: brand.id,
    forUserHandle: brand.screenName,
    tweetId,
    author,
    text: `@${brand.screenName} ${text}`,
    at: new Date(),
    lang,
    mentionsAccount: true,
  });
  expect((await pipeline.post({ platform: 'x', body })).status).toBe(200);
  const message = await steps.inbound(tweetId);
  expect(message.ticketId).not.toBeNull();
  await pipeline.settle();
  return message.ticketId ?? '';
};

/** The survey DM with its link, once the job has sent it. */
const surveyDm = (person: XPerson) =>
  waitUntil(
    `the survey DM to ${person.screenName}`,
    () => dmsTo(person).find((dm) => dm.text.includes('/s/')) ?? null,
    30_000,
    250,
  );

beforeAll(async () => {
  environment = await startPipelineEnvironment();
  pipeline = await startPipelineServer(environment);
  steps = await surveySteps(pipeline);
  await steps.configure({ isEnabled: true, kind: 'nps', delayMinutes: 0, periodDays: 30, lowScoreAction: 'alert' });
}, 90_000);

afterAll(async () => {
  await pipeline?.stop();
  await environment?.stop();
});

describe('an NPS survey on X', () => {
  let emmaTicket = '';

  it('asks by DM in English with a link, and reads "8 - long waits but kind staff" as 8 with its comment', async () => {
    emmaTicket = await complain(
      emma,
      '1800000000000007001',
      'my router keeps dropping the connection since yesterday, please help',
      'en',
    );
    await steps.resolve(emmaTicket);
    const dm = await surveyDm(emma);
    expect(dm).toMatchObject({ platform: 'x', action: 'dm' });
    expect(dm.text).toMatch(/^From 0 to 10, how likely are you to recommend us/);
    expect(dm.text).toMatch(/You can also answer here: http:\/\/127\.0\.0\.1:\d+\/s\//);
    const before = dmsTo(emma).length;
    const answer = xDirectMessageDelivery({
      forUserId: brand.id,
      eventId: '1900000000000007001',
      sender: emma,
      recipient: brand,
      text: '8 - long waits but kind staff',
      at: new Date(),
    });
    expect((await pipeline.post({ platform: 'x', body: answer })).status).toBe(200);
    const survey = await steps.surveyWhen(emmaTicket, 'the answer', (candidate) => candidate.status === 'answered');
    expect(survey).toMatchObject({ kind: 'nps', score: 8, comment: 'long waits but kind staff', language: 'en' });
    const answered = await steps.events(emmaTicket, 'survey.answered');
    expect(answered.map((event) => event.data)).toEqual([
      { surveyId: survey.id, kind: 'nps', score: 8, comment: 'long waits but kind staff', isLowScore: false },
    ]);
    expect(await steps.events(emmaTicket, 'survey.low-score')).toHaveLength(0);
    await waitUntil(
      'the thanks',
      () =>
        dmsTo(emma)
          .slice(before)
          .find((dm) => dm.text === 'Thank you for your feedback!') ?? null,
    );
  }, 120_000);

  it('does not ask the same customer again within the period', async () => {
    const second = await complain(
      emma,
      '1800000000000007002',
      'now the router does not turn on at all, I need a replacement',
      'en',
    );
    await steps.resolve(second);
    // The control: another customer resolved after her gets a survey; the queue takes jobs in order.
    const lucaTicket = await complain(
      luca,
      '1800000000000007003',
      'il modem non si connette da tre giorni, mi aiutate?',
      'it',
    );
    await steps.resolve(lucaTicket);
    await steps.surveyOf(lucaTicket);
    await surveyDm(luca);
    expect(await pipeline.store.surveys.findByTicket(demoWorkspaceId, second)).toBeNull();
    expect(await steps.events(second, 'survey.sent')).toHaveLength(0);
    expect(dmsTo(emma).filter((dm) => dm.text.includes('/s/'))).toHaveLength(1);
  }, 120_000);
});

describe('the signed answer page', () => {
  let link = '';
  let ticketId = '';
  let surveyId = '';

  beforeAll(async () => {
    const tickets = await pipeline.store.tickets.list({
      workspaceId: demoWorkspaceId,
      channelId: undefined,
      limit: 50,
    });
    const dm = await surveyDm(luca);
    link = /(http:\/\/\S+\/s\/\S+)/.exec(dm.text)?.[1] ?? '';
    const survey = (
      await Promise.all(tickets.items.map((ticket) => pipeline.store.surveys.findByTicket(demoWorkspaceId, ticket.id)))
    ).find((candidate) => candidate !== null && link.includes(candidate.id));
    ticketId = survey?.ticketId ?? '';
    surveyId = survey?.id ?? '';
  }, 60_000);

  const answer = (url: string, form: Record<string, string>) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });

  it("shows the eleven NPS choices in the customer's language", async () => {
    expect(surveyId).not.toBe('');
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('<html lang="it">');
    expect(html).toContain('Quanto ci consiglieresti a un amico o a un collega?');
    expect(html.match(/type="radio" name="score"/g)).toHaveLength(11);
  });

  it('lets a new complaint written while the survey waits through the pipeline, and keeps waiting', async () => {
    const text = 'Il modem non si accende più da stamattina, mi serve un tecnico urgente';
    const dm = xDirectMessageDelivery({
      forUserId: brand.id,
      eventId: '1900000000000007002',
      sender: luca,
      recipient: brand,
      text,
      at: new Date(),
    });
    expect((await pipeline.post({ platform: 'x', body: dm })).status).toBe(200);
    const message = await steps.inbound('1900000000000007002');
    expect(message.triage?.actionable).toBe(true);
    expect(message.ticketId).not.toBeNull();
    expect(message.metadata.surveyId).toBeUndefined();
    expect(await pipeline.store.surveys.get(demoWorkspaceId, surveyId)).toMatchObject({
      status: 'sent',
      reaskedAt: null,
    });
  }, 60_000);

  it('refuses a tampered link with 403 and an expired one with 410, both as clear pages', async () => {
    const last = link.at(-1) === 'A' ? 'B' : 'A';
    const tampered = await fetch(`${link.slice(0, -1)}${last}`, { headers: { 'accept-language': 'it-IT' } });
    expect(tampered.status).toBe(403);
    expect(await tampered.text()).toContain('Questo link non è valido');
    const otherSurvey = link.replace(
      surveyId,
      surveyId.replace(/.$/, (c) => (c === '0' ? '1' : '0')),
    );
    expect((await fetch(otherSurvey)).status).toBe(403);
    const expired = createSurveyLinks(demoCredentials.surveySecret, pipeline.url).linkFor(
      { workspaceId: demoWorkspaceId, id: surveyId },
      new Date(Date.now() - 60_000),
    );
    const gone = await fetch(expired, { headers: { 'accept-language': 'en-GB' } });
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain('This survey has expired');
    expect((await answer(expired, { score: '9' })).status).toBe(410);
  });

  it('records one answer: a bad score is 400, the second answer 409, one event and one low-score alert', async () => {
    const bad = await answer(link, { score: '11' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Scegli un voto prima di inviare.');
    const first = await answer(link, { score: '3', comment: 'Tempi lunghi, ma gentili' });
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('Grazie per il tuo voto!');
    const again = await answer(link, { score: '10' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Hai già risposto');
    expect(await pipeline.store.surveys.get(demoWorkspaceId, surveyId)).toMatchObject({
      status: 'answered',
      score: 3,
      comment: 'Tempi lunghi, ma gentili',
    });
    const answered = await steps.events(ticketId, 'survey.answered');
    expect(answered.map((event) => event.data)).toEqual([
      { surveyId, kind: 'nps', score: 3, comment: 'Tempi lunghi, ma gentili', isLowScore: true },
    ]);
    const low = await steps.events(ticketId, 'survey.low-score');
    expect(low).toHaveLength(1);
    expect(low[0]?.data).toMatchObject({ action: 'alert', score: 3 });
    expect(low[0]?.data).toHaveProperty('notifiedAgentIds', expect.arrayContaining([expect.any(String)]));
    expect((await pipeline.store.tickets.get(demoWorkspaceId, ticketId))?.status).toBe('resolved');
    const revisit = await fetch(link);
    expect(await revisit.text()).toContain('Hai già risposto');
  });

  it('is described in the OpenAPI document with the survey settings', async () => {
    const openapi = (await (await fetch(new URL('/api/openapi.json', pipeline.url))).json()) as { paths: object };
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/s/{token}', '/api/v1/settings/surveys']));
  });
});
