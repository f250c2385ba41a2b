import { type ContractContext, describeConnectorContract } from '@ascolta/channel-contract';
import type { WebhookRequest } from '@ascolta/core';
import {
  demoAccounts,
  signDelivery,
  startPlatformSimulator,
  type XPerson,
  xDirectMessageDelivery,
  xTweetDelivery,
} from '@ascolta/simulator';
import { createXConnector } from './create-x-connector.ts';

const consumerSecret = 'contract-consumer-secret';
const at = new Date('2026-11-22T09:00:00Z');
const clock = { now: () => new Date('2026-11-22T10:00:00Z') };
const { xAccountId, xHandle } = demoAccounts;
const brand: XPerson = { id: xAccountId, screenName: xHandle, name: 'Ascolta Demo', followers: 5000, verified: true };
const customer: XPerson = {
  id: '2000000000000000007',
  screenName: 'marco_b',
  name: 'Marco B',
  followers: 321,
  verified: false,
};

const request = (body: unknown, secret = consumerSecret): WebhookRequest => {
  const signed = signDelivery(
    { platform: 'x', body },
    { metaAppSecret: '', xConsumerSecret: secret, customSecrets: {} },
    at,
  );
  return { method: 'POST', headers: signed.headers, query: {}, rawBody: signed.rawBody };
};

/** Tweet ids are numeric on X: the contract's ids are mapped to stable numeric ones. */
const numericId = (id: string) =>
  String(
    1_800_000_000_000_000_000n +
      BigInt([...id].reduce((sum, char) => sum * 31 + char.charCodeAt(0), 7) % 1_000_000_000),
  );

const mention = (id: string, author = customer) =>
  xTweetDelivery({
    forUserId: xAccountId,
    forUserHandle: xHandle,
    tweetId: numericId(id),
    author,
    text: `@${xHandle} la fibra non funziona da stamattina`,
    at,
    lang: 'it',
    mentionsAccount: true,
  });

describeConnectorContract('x', async (): Promise<ContractContext> => {
  const simulator = await startPlatformSimulator();
  const connector = createXConnector({
    accountId: xAccountId,
    handle: xHandle,
    consumerSecret,
    accessToken: 'contract-token',
    apiBaseUrl: simulator.url,
    clock,
    brandTerms: { names: ['Ascolta'], hashtags: ['AscoltaDown'], misspellings: [] },
  });
  return {
    connector,
    customerDelivery: (id, visibility) =>
      request(
        visibility === 'public'
          ? mention(id)
          : xDirectMessageDelivery({
              forUserId: xAccountId,
              eventId: numericId(id),
              sender: customer,
              recipient: brand,
              text: 'Aiuto, ancora in attesa',
              at,
            }),
      ),
    echoDelivery: () => request(mention('echo', brand)),
    forgedDelivery: () => request(mention('forged'), 'wrong-secret'),
    injectFailure: (failure) => simulator.failNext('x', failure),
    sentInThread: (thread) => simulator.sent({ thread }).map((entry) => entry.text),
    publishForPull: (id) =>
      simulator.publishTweet({
        id,
        text: `@${xHandle} still waiting for my refund`,
        author: {
          id: customer.id,
          username: customer.screenName,
          name: customer.name,
          followers: customer.followers,
          verified: false,
        },
        conversationId: id,
        inReplyToId: null,
        mentionedUserIds: [xAccountId],
        createdAt: at,
        lang: 'en',
      }),
    close: () => simulator.close(),
  };
});
