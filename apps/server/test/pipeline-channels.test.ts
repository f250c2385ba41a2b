import type { Message } from '@ascolta/core';
import { demoAccounts, directMessageDelivery, facebookCommentDelivery, xTweetDelivery } from '@ascolta/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoId, demoWorkspaceId } from '../src/demo/demo-ids.ts';
import { type PipelineEnvironment, startPipelineEnvironment } from './support/pipeline-environment.ts';
import { queueAgentReply } from './support/queue-agent-reply.ts';
import { type PipelineServer, startPipelineServer } from './support/start-pipeline-server.ts';
import { waitUntil } from './support/wait-until.ts';

// Issue #4: every network in, a reply out on the customer's own thread and channel.
let environment: PipelineEnvironment;
let pipeline: PipelineServer;
const at = new Date();
const agentId = demoId('agent', 3);
const commentId = `${demoAccounts.pageId}_7001_8001`;
const tweetId = '1800000000000000001';

const inbound = (externalId: string) =>
  waitUntil(`message ${externalId}`, async () => {
    const { items } = await pipeline.store.messages.list({ workspaceId: demoWorkspaceId, externalId, limit: 5 });
    return items.find((message) => message.direction === 'inbound') ?? null;
  });

const replyAndWait = async (message: Message, text: string): Promise<Message> => {
  const reply = await queueAgentReply(pipeline.store, message, agentId, text);
  return waitUntil('the reply to leave', async () => {
    const stored = await pipeline.store.messages.get(demoWorkspaceId, reply.id);
    return stored?.deliveryState === 'sent' ? stored : null;
  });
};

beforeAll(async () => {
  environment = await startPipelineEnvironment();
  pipeline = await startPipelineServer(environment);
}, 60_000);

afterAll(async () => {
  await pipeline?.stop();
  await environment?.stop();
});

describe('messages from every network reach the inbox, and replies go back where they came from', () => {
  it('answers a Facebook comment publicly under that comment', async () => {
    const body = facebookCommentDelivery({
      pageId: demoAccounts.pageId,
      postId: `${demoAccounts.pageId}_7001`,
      commentId,
      from: { id: '6100000000000001', name: 'Giulia Bianchi' },
      message: 'La fibra non funziona da ieri sera, aiuto!',
      at,
    });
    expect((await pipeline.post({ platform: 'meta', body })).status).toBe(200);
    const message = await inbound(commentId);
    expect(message).toMatchObject({ channelKind: 'facebook', visibility: 'public' });
    const reply = await replyAndWait(message, 'Ciao Giulia, stiamo verificando la tua linea.');
    const [sent] = environment.platform.sent().filter((record) => record.text === reply.text);
    expect(sent).toMatchObject({ platform: 'facebook', action: 'comment-reply', inReplyTo: commentId });
    expect(reply.externalId).toBe(sent?.externalId);
  });

  it('answers an Instagram DM with a DM to the same person', async () => {
    const body = directMessageDelivery({
      object: 'instagram',
      accountId: demoAccounts.instagramId,
      customerId: '17841400000000077',
      mid: 'aWdfZAG1faXRlbToxOk1lc3NhZA',
      text: 'Hi, my order A123456 never arrived, can you help?',
      at,
    });
    expect((await pipeline.post({ platform: 'meta', body })).status).toBe(200);
    const message = await inbound('aWdfZAG1faXRlbToxOk1lc3NhZA');
    expect(message).toMatchObject({ channelKind: 'instagram', visibility: 'private' });
    const reply = await replyAndWait(message, 'Hi! Your parcel ships tomorrow.');
    const [sent] = environment.platform.sent().filter((record) => record.text === reply.text);
    expect(sent).toMatchObject({ platform: 'instagram', action: 'message', recipient: '17841400000000077' });
  });

  it('answers a tweet with a reply in its conversation', async () => {
    const body = xTweetDelivery({
      forUserId: demoAccounts.xAccountId,
      forUserHandle: demoAccounts.xHandle,
      tweetId,
      author: { id: '4400000000000001', screenName: 'marco_r', name: 'Marco', followers: 120, verified: false },
      text: `@${demoAccounts.xHandle} il modem continua a riavviarsi, non riesco a lavorare`,
      at,
      lang: 'it',
      mentionsAccount: true,
    });
    expect((await pipeline.post({ platform: 'x', body })).status).toBe(200);
    const message = await inbound(tweetId);
    const reply = await replyAndWait(message, '@marco_r ci scusiamo, ti scriviamo in privato.');
    const [sent] = environment.platform.sent().filter((record) => record.text === reply.text);
    expect(sent).toMatchObject({ platform: 'x', action: 'tweet', inReplyTo: tweetId, threadExternalId: tweetId });
  });

  it('answers an e-mail in the same mail thread', async () => {
    const { messageId } = await environment.email.deliver({
      target: { via: 'smtp', port: pipeline.smtpPort },
      from: 'anna.verdi@example.it',
      fromName: 'Anna Verdi',
      language: 'it',
      subject: 'Fattura doppia',
      text: 'Buongiorno, mi avete addebitato due volte la fattura di marzo. Potete rimborsarmi?',
    });
    const message = await inbound(messageId);
    expect(message).toMatchObject({ channelKind: 'email', authorHandle: 'anna.verdi@example.it' });
    const reply = await replyAndWait(message, 'Gentile Anna, il rimborso è in corso.');
    const mail = environment.email.sent().find((sent) => sent.text.includes('il rimborso è in corso'));
    expect(mail).toMatchObject({ inReplyTo: messageId, threadId: messageId, subject: 'Re: Fattura doppia' });
    expect(mail?.recipients).toContain('anna.verdi@example.it');
    expect(mail?.messageId).toBe(reply.externalId);
  });
});
