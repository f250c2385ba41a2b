import { createHmac, randomUUID } from 'node:crypto';
import type { Channel, ChannelKind, Store } from '@ascolta/core';
import { createEphemeralPgliteStore } from '@ascolta/db';
import {
  demoAccounts,
  demoSecrets,
  directMessageDelivery,
  facebookCommentDelivery,
  signDelivery,
  whatsappStatusDelivery,
  xTweetDelivery,
} from '@ascolta/simulator';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandler } from '../http/error-handler.ts';
import { registerWebhookRoutes } from './index.ts';

const at = new Date('2026-11-22T09:00:00Z');
const clock = { now: () => new Date('2026-11-22T10:00:00Z') };
const workspaceId = randomUUID();
const crcSecret = 'z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu';
let store: Store & { close(): Promise<void> };
let app: FastifyInstance;
const channelIds: Partial<Record<ChannelKind, string>> = {};

const channel = (kind: ChannelKind, account: string, settings: Record<string, unknown> = {}): Channel => ({
  id: randomUUID(),
  workspaceId,
  kind,
  name: kind,
  externalAccountId: account,
  handle: null,
  settings,
  health: { state: 'ok', lastError: null, lastErrorAt: null, retryAfter: null },
  isActive: true,
  createdAt: at,
});

const metaPost = (body: unknown, signature?: string) => {
  const signed = signDelivery({ platform: 'meta', body }, demoSecrets, at);
  const headers = signature === undefined ? signed.headers : { ...signed.headers, 'x-hub-signature-256': signature };
  return app.inject({ method: 'POST', url: '/webhooks/meta', headers, payload: signed.rawBody });
};
const comment = (commentId: string, pageId = demoAccounts.pageId) =>
  facebookCommentDelivery({
    pageId,
    postId: `${pageId}_1`,
    commentId,
    from: { id: '555', name: 'Giulia' },
    message: 'Non funziona',
    at,
  });
const stored = async (kind: ChannelKind) =>
  (await store.messages.list({ workspaceId, channelId: channelIds[kind]!, limit: 100 })).items;

beforeAll(async () => {
  const sqlStore = await createEphemeralPgliteStore();
  await sqlStore.migrate();
  store = sqlStore;
  await store.workspaces.insert({
    id: workspaceId,
    name: 'Test',
    timeZone: 'Europe/Rome',
    languages: ['it', 'en'],
    createdAt: at,
  });
  const channels = [
    channel('facebook', demoAccounts.pageId),
    channel('messenger', demoAccounts.pageId),
    channel('x', demoAccounts.xAccountId),
    channel('whatsapp', demoAccounts.whatsappPhoneId),
    channel('custom', 'shop-reviews', { secret: 'demo-custom-secret' }),
  ];
  for (const item of channels) {
    await store.channels.insert(item);
    channelIds[item.kind] = item.id;
  }
  app = Fastify();
  installErrorHandler(app);
  await registerWebhookRoutes(app, {
    store,
    clock,
    ids: { newId: randomUUID },
    metaAppSecret: demoSecrets.metaAppSecret,
    metaVerifyToken: 'demo-verify-token',
    xConsumerSecret: crcSecret,
    bodyLimitBytes: 4096,
  });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await store?.close();
});

describe('Meta webhook route', () => {
  it('echoes hub.challenge for the demo verify token and refuses another token', async () => {
    const query = 'hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=demo-verify-token';
    const ok = await app.inject({ method: 'GET', url: `/webhooks/meta?${query}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('1158201444');
    const wrong = await app.inject({
      method: 'GET',
      url: `/webhooks/meta?${query.replace('demo-verify-token', 'meatyhamhock')}`,
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('answers 401 to a wrong X-Hub-Signature-256 and stores nothing', async () => {
    const response = await metaPost(comment('1_401'), `sha256=${'0'.repeat(64)}`);
    expect(response.statusCode).toBe(401);
    expect((await stored('facebook')).map((message) => message.externalId)).not.toContain('1_401');
  });

  it('stores the same delivery sent three times once, with one event', async () => {
    const summaries = [];
    for (let attempt = 0; attempt < 3; attempt += 1) summaries.push((await metaPost(comment('1_777'))).json());
    expect(summaries.map((summary) => [summary.stored, summary.duplicates])).toEqual([
      [1, 0],
      [0, 1],
      [0, 1],
    ]);
    const messages = (await stored('facebook')).filter((message) => message.externalId === '1_777');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      direction: 'inbound',
      threadExternalId: `${demoAccounts.pageId}_1`,
      text: 'Non funziona',
    });
    const events = await store.events.list({ workspaceId, limit: 1000 });
    const received = events.filter(
      (event) => event.type === 'message.received' && event.data.messageId === messages[0]!.id,
    );
    expect(received).toHaveLength(1);
  });

  it('routes Messenger messages of the same page to the Messenger channel', async () => {
    const body = directMessageDelivery({
      object: 'page',
      accountId: demoAccounts.pageId,
      customerId: '42',
      mid: 'm_route_1',
      text: 'Aiuto',
      at,
    });
    expect((await metaPost(body)).statusCode).toBe(200);
    expect((await stored('messenger')).map((message) => message.externalId)).toContain('m_route_1');
  });

  it('answers 400 with a message to a signed body that is not JSON', async () => {
    const rawBody = Buffer.from('{"object":"page",');
    const signature = `sha256=${createHmac('sha256', demoSecrets.metaAppSecret).update(rawBody).digest('hex')}`;
    const response = await app.inject({
      method: 'POST',
      url: '/webhooks/meta',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
      payload: rawBody,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/not valid JSON/);
  });

  it('acknowledges deliveries for unknown pages with 200 and records them as ignored', async () => {
    const response = await metaPost(comment('1_888', '999999999'));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      stored: 0,
      ignored: [expect.stringMatching(/no active facebook channel/)],
    });
  });

  it('refuses bodies over the limit with 413', async () => {
    const response = await metaPost({ object: 'page', entry: [], padding: 'x'.repeat(5000) });
    expect(response.statusCode).toBe(413);
  });
});

describe('WhatsApp delivery statuses', () => {
  it('move our outbound message forward and never back', async () => {
    const [inbound] = await stored('facebook');
    const outbound = {
      ...inbound!,
      id: randomUUID(),
      channelId: channelIds.whatsapp!,
      channelKind: 'whatsapp' as const,
    };
    await store.messages.insertIdempotent({
      ...outbound,
      direction: 'outbound',
      externalId: 'wamid.OUT1',
      deliveryState: 'sent',
    });
    const status = (state: 'delivered' | 'read') =>
      whatsappStatusDelivery({
        businessAccountId: '1',
        phoneNumberId: demoAccounts.whatsappPhoneId,
        displayPhoneNumber: '39',
        wamid: 'wamid.OUT1',
        recipient: '39333',
        status: state,
        at,
      });
    expect((await metaPost(status('read'))).json()).toMatchObject({ statuses: 1 });
    await metaPost(status('delivered'));
    const message = await store.messages.findByExternalId(channelIds.whatsapp!, 'wamid.OUT1');
    expect(message?.deliveryState).toBe('read');
  });
});

describe('X webhook route', () => {
  it('answers the CRC challenge with the documented response_token', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/webhooks/x?crc_token=9b4507b3-9040-4669-9ca3-6b94edb50553',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ response_token: 'sha256=Cytd4Sq+NvEcV3MMrXxWJGJx5A+y/lXzzU2Maartkx8=' });
  });

  it('stores a signed mention and refuses a forged one', async () => {
    const author = { id: '2000000000000000042', screenName: 'marco', name: 'Marco', followers: 10, verified: false };
    const body = xTweetDelivery({
      forUserId: demoAccounts.xAccountId,
      forUserHandle: demoAccounts.xHandle,
      tweetId: '1900000000000000042',
      author,
      text: `@${demoAccounts.xHandle} aiuto`,
      at,
      lang: 'it',
      mentionsAccount: true,
    });
    const signed = signDelivery({ platform: 'x', body }, { ...demoSecrets, xConsumerSecret: crcSecret }, at);
    const forged = await app.inject({
      method: 'POST',
      url: '/webhooks/x',
      headers: { ...signed.headers, 'x-twitter-webhooks-signature': 'sha256=AAAA' },
      payload: signed.rawBody,
    });
    expect(forged.statusCode).toBe(401);
    const response = await app.inject({
      method: 'POST',
      url: '/webhooks/x',
      headers: signed.headers,
      payload: signed.rawBody,
    });
    expect(response.json()).toMatchObject({ stored: 1 });
    expect((await stored('x')).map((message) => message.authorHandle)).toContain('@marco');
  });
});

describe('custom webhook route', () => {
  const review = {
    id: 'review-1',
    text: 'Consegna in ritardo',
    author: { id: 'u1', name: 'Anna' },
    source: 'trustpilot',
  };

  it('stores a signed message for a known channel and answers 404 for an unknown one', async () => {
    const signed = signDelivery(
      { platform: 'custom', channelId: 'shop-reviews', body: review },
      demoSecrets,
      clock.now(),
    );
    const ok = await app.inject({ method: 'POST', url: signed.path, headers: signed.headers, payload: signed.rawBody });
    expect(ok.json()).toMatchObject({ stored: 1 });
    const unknown = await app.inject({
      method: 'POST',
      url: '/webhooks/custom/nope',
      headers: signed.headers,
      payload: signed.rawBody,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('answers 400 naming the invalid field', async () => {
    const signed = signDelivery(
      { platform: 'custom', channelId: 'shop-reviews', body: { ...review, id: '' } },
      demoSecrets,
      clock.now(),
    );
    const response = await app.inject({
      method: 'POST',
      url: signed.path,
      headers: signed.headers,
      payload: signed.rawBody,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/^invalid message: id/);
  });
});
