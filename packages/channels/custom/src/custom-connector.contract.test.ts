import { type ContractContext, describeConnectorContract } from '@ascolta/channel-contract';
import type { WebhookRequest } from '@ascolta/core';
import { signDelivery, startPlatformSimulator } from '@ascolta/simulator';
import { createCustomConnector } from './create-custom-connector.ts';

const channelId = 'app-store-reviews';
const secret = 'contract-custom-secret';
const clock = { now: () => new Date('2026-11-22T10:00:00Z') };

const request = (body: unknown, key = secret): WebhookRequest => {
  const signed = signDelivery(
    { platform: 'custom', channelId, body },
    { metaAppSecret: '', xConsumerSecret: '', customSecrets: { [channelId]: key } },
    clock.now(),
  );
  return { method: 'POST', headers: signed.headers, query: {}, rawBody: signed.rawBody };
};

const review = (id: string, visibility: 'public' | 'private') => ({
  id,
  text: 'The app crashes at login',
  author: { id: 'reviewer-9', name: 'Sam' },
  threadId: `review-thread-${id}`,
  visibility,
  type: visibility === 'public' ? 'post' : 'direct',
  source: 'app-store',
});

describeConnectorContract('custom', async (): Promise<ContractContext> => {
  const simulator = await startPlatformSimulator();
  return {
    connector: createCustomConnector({ channelId, secret, callbackUrl: simulator.customCallbackUrl(channelId), clock }),
    customerDelivery: (id, visibility) => request(review(id, visibility)),
    echoDelivery: () => request({ ...review('echo', 'public'), isEcho: true }),
    forgedDelivery: () => request(review('forged', 'public'), 'wrong-secret'),
    injectFailure: (failure) => simulator.failNext('custom', failure),
    sentInThread: (thread) => simulator.sent({ thread }).map((entry) => entry.text),
    close: () => simulator.close(),
  };
});
