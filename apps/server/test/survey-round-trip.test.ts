import type { Ticket } from '@ascolta/core';
import { demoAccounts, directMessageDelivery, whatsappReplyDelivery, whatsappTextDelivery } from '@ascolta/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoWorkspaceId } from '../src/demo/demo-ids.ts';
import { type PipelineEnvironment, startPipelineEnvironment } from './support/pipeline-environment.ts';
import { type PipelineServer, startPipelineServer } from './support/start-pipeline-server.ts';
import { type SurveySteps, surveySteps } from './support/survey-steps.ts';
import { waitUntil } from './support/wait-until.ts';

// Issue #7 item 2: a CSAT round trip on WhatsApp (list of scores) and by e-mail (signed link, text answers).
let environment: PipelineEnvironment;
let pipeline: PipelineServer;
let steps: SurveySteps;

const phone = '393471230007';
const whatsapp = {
  businessAccountId: '102290129340398',
  phoneNumberId: demoAccounts.whatsappPhoneId,
  displayPhoneNumber: '390212345678',
  from: phone,
  name: 'Chiara Gallo',
};
const sentTo = (recipient: string) => environment.platform.sent({ recipient });
const ticketOf = async (id: string): Promise<Ticket | null> => pipeline.store.tickets.get(demoWorkspaceId, id);

beforeAll(async () => {
  environment = await startPipelineEnvironment();
  pipeline = await startPipelineServer(environment, (line) => {
    if (/survey|error|fail/i.test(line)) process.stderr.write(`server: ${line}\n`);
  });
  steps = await surveySteps(pipeline);
  await steps.configure({ isEnabled: true, kind: 'csat', delayMinutes: 0, lowScoreAction: 'reopen' });
}, 90_000);

afterAll(async () => {
  await pipeline?.stop();
  await environment?.stop();
});

describe('a CSAT survey on WhatsApp, answered with the list', () => {
  let ticketId = '';
  let surveyId = '';

  it('asks once after the agent resolves, privately, in Italian, with the five scores as a list', async () => {
    const complaint = whatsappTextDelivery({
      ...whatsapp,
      wamid: 'wamid.SURVEY0001',
      text: 'Buongiorno, la lavatrice consegnata ieri perde acqua. Come procedo per la sostituzione?',
      at: new Date(),
    });
    expect((await pipeline.post({ platform: 'meta', body: complaint })).status).toBe(200);
    const message = await steps.inbound('wamid.SURVEY0001');
    ticketId = message.ticketId ?? '';
    expect(ticketId).not.toBe('');
    await pipeline.settle();
    const before = sentTo(phone).length;
    await steps.resolve(ticketId);
    const survey = await steps.surveyOf(ticketId);
    surveyId = survey.id;
    expect(survey).toMatchObject({ kind: 'csat', status: 'sent', language: 'it', reaskedAt: null });
    const question = await waitUntil(
      'the survey question on WhatsApp',
      () =>
        sentTo(phone)
          .slice(before)
          .find((sent) => sent.body !== null && (sent.body as { type?: string }).type === 'interactive') ?? null,
    );
    const interactive = (
      question.body as {
        interactive: {
          type: string;
          body: { text: string };
          action: { sections: Array<{ rows: Array<{ id: string; title: string }> }> };
        };
      }
    ).interactive;
    expect(interactive.type).toBe('list');
    expect(interactive.body.text).toMatch(/da 1 \(pessimo\) a 5 \(ottimo\)/);
    expect(interactive.action.sections[0]?.rows.map((row) => row.id)).toEqual(
      [1, 2, 3, 4, 5].map((score) => `survey:${surveyId}:${score}`),
    );
    const sent = await steps.events(ticketId, 'survey.sent');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.data).toMatchObject({ surveyId, kind: 'csat' });
  }, 120_000);

  it('asks once more after an answer without a score, keeping that message out of triage', async () => {
    const before = sentTo(phone).length;
    const unclear = whatsappTextDelivery({
      ...whatsapp,
      wamid: 'wamid.SURVEY0002',
      text: 'boh, vediamo',
      at: new Date(),
    });
    expect((await pipeline.post({ platform: 'meta', body: unclear })).status).toBe(200);
    const message = await steps.inbound('wamid.SURVEY0002');
    expect(message).toMatchObject({ ticketId, triage: null, metadata: { surveyId } });
    expect((await steps.surveyOf(ticketId)).reaskedAt).not.toBeNull();
    const reask = await waitUntil(
      'the re-ask',
      () =>
        sentTo(phone)
          .slice(before)
          .find((sent) => sent.text.includes('da 1 a 5')) ?? null,
    );
    expect(reask.text).toMatch(/^Scusa, non abbiamo capito il voto/);
  }, 120_000);

  it('records a tapped 2 once, raises the low-score event and reopens the ticket', async () => {
    const before = sentTo(phone).length;
    const tap = whatsappReplyDelivery({
      ...whatsapp,
      wamid: 'wamid.SURVEY0003',
      reply: { kind: 'list_reply', id: `survey:${surveyId}:2`, title: '2 - Scarso' },
      at: new Date(),
    });
    expect((await pipeline.post({ platform: 'meta', body: tap })).status).toBe(200);
    // A replayed webhook changes nothing.
    expect((await pipeline.post({ platform: 'meta', body: tap })).status).toBe(200);
    const survey = await steps.surveyWhen(ticketId, 'the answer', (candidate) => candidate.status === 'answered');
    expect(survey).toMatchObject({ score: 2, comment: null });
    await pipeline.settle();
    const answered = await steps.events(ticketId, 'survey.answered');
    expect(answered.map((event) => event.data)).toEqual([
      { surveyId, kind: 'csat', score: 2, comment: null, isLowScore: true },
    ]);
    const low = await steps.events(ticketId, 'survey.low-score');
    expect(low).toHaveLength(1);
    expect(low[0]?.data).toMatchObject({ surveyId, score: 2, action: 'reopen' });
    expect((await ticketOf(ticketId))?.status).toBe('open');
    expect(
      sentTo(phone)
        .slice(before)
        .map((sent) => sent.text),
    ).toEqual([expect.stringMatching(/^Grazie per il tuo voto\. Ci dispiace/)]);
    const tickets = await pipeline.store.tickets.list({ workspaceId: demoWorkspaceId, customerId: survey.customerId });
    expect(tickets.items).toHaveLength(1);
  }, 120_000);
});

describe('a CSAT survey by e-mail, answered twice without a score', () => {
  const customer = 'paolo.neri@example.it';
  let ticketId = '';

  it('sends the question with a signed link to the answer page', async () => {
    const { messageId } = await environment.email.deliver({
      target: { via: 'smtp', port: pipeline.smtpPort },
      from: customer,
      fromName: 'Paolo Neri',
      language: 'it',
      subject: 'Rimborso mai arrivato',
      text: 'Buongiorno, ho reso il forno tre settimane fa e il rimborso non è mai arrivato. Potete verificare?',
    });
    const message = await steps.inbound(messageId);
    ticketId = message.ticketId ?? '';
    await pipeline.settle();
    await steps.resolve(ticketId);
    const survey = await steps.surveyOf(ticketId);
    const mail = await waitUntil(
      'the survey e-mail',
      () => environment.email.sent({ to: customer }).find((sent) => sent.text.includes('/s/')) ?? null,
    );
    expect(mail.text).toMatch(/Rispondi con un voto da 1 \(pessimo\) a 5 \(ottimo\)/);
    const link = /(http:\/\/\S+\/s\/\S+)/.exec(mail.text)?.[1] ?? '';
    expect(link).toContain(survey.id);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Com’è andata con la tua richiesta?');
  }, 120_000);

  it('asks once more, then gives up and lets the new complaint through the pipeline', async () => {
    const question = environment.email.sent({ to: customer }).find((sent) => sent.text.includes('/s/'));
    await environment.email.deliver({
      target: { via: 'smtp', port: pipeline.smtpPort },
      from: customer,
      fromName: 'Paolo Neri',
      language: 'it',
      replyTo: question,
      text: 'Non saprei.',
    });
    const reask = await waitUntil(
      'the re-ask e-mail',
      () =>
        environment.email.sent({ to: customer }).find((sent) => sent.text.includes('solo con un numero da 1 a 5')) ??
        null,
    );
    await steps.surveyWhen(ticketId, 'the re-ask to be stored', (survey) => survey.reaskedAt !== null);
    const { messageId } = await environment.email.deliver({
      target: { via: 'smtp', port: pipeline.smtpPort },
      from: customer,
      fromName: 'Paolo Neri',
      language: 'it',
      replyTo: reask,
      text: 'Il rimborso non è ancora arrivato e nessuno mi ha risposto. Vi prego di controllare subito!',
    });
    const complaint = await steps.inbound(messageId);
    expect(complaint.triage).not.toBeNull();
    expect(complaint.ticketId).not.toBeNull();
    expect(complaint.metadata.surveyId).toBeUndefined();
    const survey = await steps.surveyOf(ticketId);
    expect(survey).toMatchObject({ status: 'expired', score: null });
    const expired = await steps.events(ticketId, 'survey.expired');
    expect(expired.map((event) => event.data)).toEqual([{ surveyId: survey.id, reason: 'unreadable-answers' }]);
    expect(await steps.events(ticketId, 'survey.answered')).toHaveLength(0);
  }, 120_000);
});

describe('a CSAT survey on Instagram, answered with a quick reply', () => {
  it('offers the five scores as quick replies and records the tapped 5 without a low-score event', async () => {
    const customer = '17841400000000707';
    const at = new Date();
    const dm = (mid: string, text: string, quickReplyPayload?: string) =>
      directMessageDelivery({
        object: 'instagram',
        accountId: demoAccounts.instagramId,
        customerId: customer,
        mid,
        text,
        at,
        ...(quickReplyPayload === undefined ? {} : { quickReplyPayload }),
      });
    expect(
      (
        await pipeline.post({
          platform: 'meta',
          body: dm('ig-survey-1', 'Hi, my order A123707 arrived damaged, can you help me?'),
        })
      ).status,
    ).toBe(200);
    const message = await steps.inbound('ig-survey-1');
    const ticketId = message.ticketId ?? '';
    await pipeline.settle();
    await steps.resolve(ticketId);
    const survey = await steps.surveyOf(ticketId);
    expect(survey.language).toBe('en');
    const question = await waitUntil(
      'the quick replies',
      () => sentTo(customer).find((sent) => JSON.stringify(sent.body).includes('quick_replies')) ?? null,
    );
    expect(question).toMatchObject({ platform: 'instagram', action: 'message' });
    const replies = (question.body as { message: { quick_replies: Array<{ title: string; payload: string }> } }).message
      .quick_replies;
    expect(replies.map((reply) => reply.title)).toEqual([
      '1 - Very poor',
      '2 - Poor',
      '3 - OK',
      '4 - Good',
      '5 - Excellent',
    ]);
    expect(
      (await pipeline.post({ platform: 'meta', body: dm('ig-survey-2', '5 - Excellent', `survey:${survey.id}:5`) }))
        .status,
    ).toBe(200);
    const answered = await steps.surveyWhen(ticketId, 'the answer', (candidate) => candidate.status === 'answered');
    expect(answered).toMatchObject({ score: 5, comment: null });
    expect(await steps.events(ticketId, 'survey.low-score')).toHaveLength(0);
    expect((await ticketOf(ticketId))?.status).toBe('resolved');
  }, 120_000);
});
