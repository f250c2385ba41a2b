import { demoAccounts, type PlatformSimulator, type SimulatedTweet, startPlatformSimulator } from '@ascolta/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createXConnector } from './create-x-connector.ts';

const at = new Date('2026-11-22T09:00:00Z');
let simulator: PlatformSimulator;

const tweet = (
  id: string,
  text: string,
  authorId = '2000000000000000009',
  mentionedUserIds: string[] = [],
): SimulatedTweet => ({
  id,
  text,
  author: { id: authorId, username: `user${authorId.slice(-2)}`, name: 'Someone', followers: 12, verified: false },
  conversationId: id,
  inReplyToId: null,
  mentionedUserIds,
  createdAt: at,
  lang: 'it',
});

beforeAll(async () => {
  simulator = await startPlatformSimulator();
});
afterAll(() => simulator.close());

describe('X polling fallback with brand listening', () => {
  it('finds brand mentions with a service trigger beyond @-mentions, and not chatter or our own tweets', async () => {
    const connector = createXConnector({
      accountId: demoAccounts.xAccountId,
      handle: demoAccounts.xHandle,
      consumerSecret: 'secret',
      accessToken: 'token',
      apiBaseUrl: simulator.url,
      clock: { now: () => at },
      brandTerms: { names: ['Ascolta'], hashtags: ['AscoltaDown'], misspellings: ['Asclota'] },
    });
    simulator.publishTweet(tweet('1900000000000000101', 'La fibra Asclota non funziona da ieri sera'));
    simulator.publishTweet(tweet('1900000000000000102', 'Ascolta is a nice word'));
    simulator.publishTweet(tweet('1900000000000000103', 'Di nuovo giù #AscoltaDown'));
    simulator.publishTweet(tweet('1900000000000000104', 'Ascolta help: scrivici in DM', demoAccounts.xAccountId));
    simulator.publishTweet(
      tweet('1900000000000000105', `@${demoAccounts.xHandle} ciao`, '2000000000000000011', [demoAccounts.xAccountId]),
    );

    const first = await connector.pull!(null);
    const found = Object.fromEntries(
      first.messages.map((message) => [message.externalId, message.metadata.listeningRule ?? 'mention']),
    );
    expect(found).toEqual({
      '1900000000000000101': 'brand-service-1',
      '1900000000000000103': 'brand-hashtag',
      '1900000000000000105': 'mention',
    });

    simulator.publishTweet(tweet('1900000000000000106', 'Ascolta ancora in attesa del rimborso'));
    const second = await connector.pull!(first.cursor);
    expect(second.messages.map((message) => message.externalId)).toEqual(['1900000000000000106']);
  });
});
