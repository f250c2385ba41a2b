import {
  type ChannelConnector,
  type Clock,
  ConnectorError,
  type InboundMessage,
  type OutboundMessage,
  type SendResult,
} from '@ascolta/core';
import { z } from 'zod';
import { type BrandTerms, buildListeningRules } from './build-listening-rules.ts';
import { callXApi } from './call-x-api.ts';
import { parseXWebhook } from './parse-x-webhook.ts';
import { pullXTimeline } from './pull-x-timeline.ts';

export interface XConnectorOptions {
  /** The brand account's numeric user id (`for_user_id` of its deliveries). */
  accountId: string;
  /** e.g. `ascolta_demo`, without `@`. */
  handle: string;
  consumerSecret: string;
  accessToken: string;
  /** `https://api.twitter.com` or the simulator's URL. */
  apiBaseUrl: string;
  clock: Clock;
  /** Brand listening through recent search; mentions are always pulled. */
  brandTerms?: BrandTerms;
}

const pullCursor = z.object({
  mentions: z.string().nullable().default(null),
  search: z.record(z.string(), z.string()).default({}),
});
const createdTweet = z.object({ data: z.object({ id: z.string() }) });
const createdDm = z.object({ data: z.object({ dm_conversation_id: z.string(), dm_event_id: z.string() }) });

/** X (API v2 + Account Activity webhooks): public replies, DMs, and a polling fallback with brand listening. */
export const createXConnector = (options: XConnectorOptions): ChannelConnector => {
  const target = { apiBaseUrl: options.apiBaseUrl, accessToken: options.accessToken, accountId: options.accountId };
  const rules =
    options.brandTerms === undefined ? [] : buildListeningRules(options.brandTerms, { ownHandle: options.handle });
  return {
    kind: 'x',
    capabilities: {
      webhook: true,
      pull: true,
      publicReply: true,
      privateReply: true,
      characterLimit: 280,
      messagingWindowHours: null,
    },
    parseWebhook: async (request) => {
      const result = parseXWebhook(request, options.consumerSecret, options.clock.now());
      if (result.kind === 'challenge') return result;
      return { kind: 'events', events: result.events.filter((event) => event.accountExternalId === options.accountId) };
    },
    async pull(cursor) {
      // An unreadable cursor restarts from the latest page: replays are harmless, ingest is idempotent.
      const parsed = pullCursor.safeParse(cursor === null ? {} : safeJson(cursor));
      const state = parsed.success ? parsed.data : pullCursor.parse({});
      const now = options.clock.now();
      const mentions = await pullXTimeline(target, `/2/users/${options.accountId}/mentions`, state.mentions, now);
      const messages: InboundMessage[] = [...mentions.messages];
      const search: Record<string, string> = { ...state.search };
      for (const rule of rules) {
        const path = `/2/tweets/search/recent?query=${encodeURIComponent(rule.value)}`;
        const found = await pullXTimeline(target, path, state.search[rule.tag] ?? null, now);
        messages.push(
          ...found.messages.map((message) => ({
            ...message,
            metadata: { ...message.metadata, listeningRule: rule.tag },
          })),
        );
        if (found.newestId !== null) search[rule.tag] = found.newestId;
      }
      const unique = [...new Map(messages.map((message) => [message.externalId, message])).values()];
      return { messages: unique, cursor: JSON.stringify({ mentions: mentions.newestId, search }) };
    },
    send: (message) => sendXMessage(target, message, options.clock.now()),
  };
};

const sendXMessage = async (
  target: { apiBaseUrl: string; accessToken: string },
  message: OutboundMessage,
  now: Date,
): Promise<SendResult> => {
  if (message.visibility === 'public') {
    const reply =
      message.inReplyToExternalId === null ? {} : { reply: { in_reply_to_tweet_id: message.inReplyToExternalId } };
    const body = createdTweet.safeParse(
      await callXApi(target, 'POST', '/2/tweets', now, { text: message.text, ...reply }),
    );
    if (!body.success) throw new ConnectorError('temporary', 'unexpected answer to POST /2/tweets');
    return { externalId: body.data.data.id, threadExternalId: message.threadExternalId };
  }
  const path = `/2/dm_conversations/with/${encodeURIComponent(message.recipientExternalId)}/messages`;
  const body = createdDm.safeParse(await callXApi(target, 'POST', path, now, { text: message.text }));
  if (!body.success) throw new ConnectorError('temporary', 'unexpected answer to the DM send');
  return { externalId: body.data.data.dm_event_id, threadExternalId: body.data.data.dm_conversation_id };
};

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
