import { parseCustomWebhook } from '@ascolta/channel-custom';
import { parseMetaWebhook } from '@ascolta/channel-meta';
import { parseXWebhook } from '@ascolta/channel-x';
import type { InboundMessage, WebhookRequest } from '@ascolta/core';
import { describe, expect, it } from 'vitest';
import { demoAccounts } from '../platform/platform-state.ts';
import { seededRandom } from '../traffic/seeded-random.ts';
import { demoSecrets, signDelivery } from '../traffic/sign-delivery.ts';
import type { TimedStep } from './scenario.ts';
import { scenarios } from './scenarios.ts';

const start = new Date('2026-11-22T08:00:00Z');
const plan = (name: string, seed: number): TimedStep[] =>
  scenarios[name]!.build({
    accounts: demoAccounts,
    customChannelId: 'shop-reviews',
    start,
    random: seededRandom(seed),
  });

/** Feeds a step to the real connector that would receive it: the simulator and the connectors must agree. */
const received = (item: TimedStep): InboundMessage[] => {
  const { step } = item;
  if (step.platform === 'email') return [];
  const signed = signDelivery(step, demoSecrets, start);
  const request: WebhookRequest = { method: 'POST', headers: signed.headers, query: {}, rawBody: signed.rawBody };
  const result =
    step.platform === 'meta'
      ? parseMetaWebhook(request, { appSecret: demoSecrets.metaAppSecret, verifyToken: '' }, start)
      : step.platform === 'x'
        ? parseXWebhook(request, demoSecrets.xConsumerSecret, start)
        : parseCustomWebhook(
            request,
            { channelId: step.channelId, secret: demoSecrets.customSecrets[step.channelId]! },
            start,
          );
  if (result.kind !== 'events') throw new Error('expected events');
  return result.events.flatMap((event) => (event.kind === 'message' ? [event.message] : []));
};

describe('traffic scenarios', () => {
  it.each(Object.keys(scenarios))('%s: every delivery is accepted by its connector as one customer message', (name) => {
    const steps = plan(name, 7);
    const messages = steps.flatMap(received);
    expect(messages.length).toBe(steps.filter((item) => item.step.platform !== 'email').length);
    expect(new Set(messages.map((message) => `${message.channelKind}:${message.externalId}`)).size).toBe(
      messages.length,
    );
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(JSON.stringify(plan('normal-day', 7))).toBe(JSON.stringify(plan('normal-day', 7)));
    expect(JSON.stringify(plan('normal-day', 7))).not.toBe(JSON.stringify(plan('normal-day', 8)));
  });

  it('normal day: 100 messages spread over every network, mostly Italian', () => {
    const messages = plan('normal-day', 1).flatMap(received);
    expect(messages).toHaveLength(100);
    expect(new Set(messages.map((message) => message.channelKind))).toEqual(
      new Set(['x', 'facebook', 'messenger', 'instagram', 'whatsapp']),
    );
  });

  it('repeat complainer: ten posts by one author, ten different ids, same text', () => {
    const messages = plan('repeat-complainer', 1).flatMap(received);
    expect(new Set(messages.map((message) => message.authorExternalId)).size).toBe(1);
    expect(new Set(messages.map((message) => message.externalId)).size).toBe(10);
    expect(new Set(messages.map((message) => message.text)).size).toBe(1);
  });

  it('vip: the influencer arrives with followers and the verified badge', () => {
    const vip = plan('vip-influencer', 1)
      .flatMap(received)
      .find((message) => message.authorFollowers === 250_000);
    expect(vip).toMatchObject({ channelKind: 'x', authorIsVerified: true, authorHandle: '@chiaraferri' });
  });

  it('cross-channel: a call log, then an e-mail, then a tweet by the same person', () => {
    const steps = plan('cross-channel', 1);
    expect(steps.map((item) => item.step.platform)).toEqual(['custom', 'email', 'x']);
    expect(received(steps[0]!)[0]).toMatchObject({ channelKind: 'custom', metadata: { source: 'phone' } });
  });
});
