import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseCustomWebhook } from '@ascolta/channel-custom';
import { parseMetaWebhook } from '@ascolta/channel-meta';
import { parseXWebhook } from '@ascolta/channel-x';
import type { WebhookRequest } from '@ascolta/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts } from '../platform/platform-state.ts';
import { scenarios } from '../scenarios/scenarios.ts';
import { type SendScenarioOptions, sendScenario } from './send-scenario.ts';
import { demoSecrets } from './sign-delivery.ts';

/** A stand-in product that checks every delivery with the real connectors and answers 200 or 401. */
const received: string[] = [];
const server = createServer(async (incoming, outgoing) => {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const request: WebhookRequest = {
    method: 'POST',
    headers: incoming.headers as Record<string, string>,
    query: {},
    rawBody: Buffer.concat(chunks),
  };
  const now = new Date();
  try {
    const path = incoming.url ?? '';
    const result =
      path === '/webhooks/meta'
        ? parseMetaWebhook(request, { appSecret: demoSecrets.metaAppSecret, verifyToken: '' }, now)
        : path === '/webhooks/x'
          ? parseXWebhook(request, demoSecrets.xConsumerSecret, now)
          : parseCustomWebhook(request, { channelId: 'shop-reviews', secret: 'demo-custom-secret' }, now);
    if (result.kind === 'events')
      for (const event of result.events) if (event.kind === 'message') received.push(event.message.externalId);
    outgoing.writeHead(200).end('{}');
  } catch (error) {
    outgoing.writeHead(401).end(String(error));
  }
});

let options: SendScenarioOptions;
beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  options = {
    target: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seed: 3,
    secrets: demoSecrets,
    accounts: demoAccounts,
    customChannelId: 'shop-reviews',
    supportMailbox: 'support@ascolta.local',
    smtp: null,
    ratePerSecond: null,
  };
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('sendScenario', () => {
  it('delivers signed webhooks the connectors accept, skipping e-mail without an SMTP target', async () => {
    const result = await sendScenario(scenarios['cross-channel']!, options);
    expect(result).toMatchObject({ delivered: 3, accepted: 2, skipped: 1, rejected: [] });
    expect(received).toHaveLength(2);
  });

  it('reports deliveries the product refuses', async () => {
    const result = await sendScenario(scenarios['repeat-complainer']!, {
      ...options,
      secrets: { ...demoSecrets, xConsumerSecret: 'wrong' },
    });
    expect(result.rejected).toHaveLength(10);
    expect(result.rejected[0]).toMatchObject({ path: '/webhooks/x', status: 401 });
  });
});
