import { buildInboundMessage, ConnectorError, type InboundMessage } from '@ascolta/core';
import { z } from 'zod';
import { callXApi, type XApiTarget } from './call-x-api.ts';

const v2Tweet = z.object({
  id: z.string(),
  text: z.string(),
  author_id: z.string().optional(),
  conversation_id: z.string().optional(),
  created_at: z.string().optional(),
  lang: z.string().optional(),
  referenced_tweets: z.array(z.object({ type: z.string(), id: z.string() })).optional(),
});
const v2User = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string().optional(),
  verified: z.boolean().optional(),
  public_metrics: z.object({ followers_count: z.number() }).optional(),
});
const timelinePage = z.object({
  data: z.array(v2Tweet).default([]),
  includes: z.object({ users: z.array(v2User).default([]) }).optional(),
  meta: z.object({ newest_id: z.string().optional(), next_token: z.string().optional() }).default({}),
});

const fields =
  'tweet.fields=author_id,conversation_id,created_at,lang,referenced_tweets&expansions=author_id&user.fields=username,name,verified,public_metrics';
/** Enough pages to catch up after a short outage without spending the whole rate window on one pull. */
const maxPages = 5;

/**
 * Reads a v2 timeline (`/2/users/:id/mentions` or `/2/tweets/search/recent?query=…`) newer than `sinceId`,
 * following `next_token`. Returns the messages (our own tweets skipped) and the newest id seen.
 */
export const pullXTimeline = async (
  target: XApiTarget & { accountId: string },
  path: string,
  sinceId: string | null,
  now: Date,
): Promise<{ messages: InboundMessage[]; newestId: string | null }> => {
  const messages: InboundMessage[] = [];
  let newestId = sinceId;
  let nextToken: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const query = [
      fields,
      'max_results=100',
      sinceId ? `since_id=${sinceId}` : '',
      nextToken ? `pagination_token=${nextToken}` : '',
    ]
      .filter((part) => part !== '')
      .join('&');
    const parsed = timelinePage.safeParse(
      await callXApi(target, 'GET', `${path}${path.includes('?') ? '&' : '?'}${query}`, now),
    );
    if (!parsed.success)
      throw new ConnectorError('temporary', `unexpected X timeline: ${parsed.error.issues[0]?.message}`);
    const users = new Map((parsed.data.includes?.users ?? []).map((user) => [user.id, user]));
    if (page === 0) newestId = parsed.data.meta.newest_id ?? newestId;
    for (const tweet of parsed.data.data) {
      if (tweet.author_id === target.accountId) continue;
      messages.push(normaliseV2Tweet(tweet, users.get(tweet.author_id ?? ''), now));
    }
    nextToken = parsed.data.meta.next_token;
    if (nextToken === undefined || sinceId === null) break;
  }
  return { messages, newestId };
};

const normaliseV2Tweet = (
  tweet: z.infer<typeof v2Tweet>,
  author: z.infer<typeof v2User> | undefined,
  now: Date,
): InboundMessage => {
  const repliedTo = tweet.referenced_tweets?.find((reference) => reference.type === 'replied_to')?.id ?? null;
  const created = new Date(tweet.created_at ?? Number.NaN);
  const authorId = tweet.author_id ?? 'unknown';
  return buildInboundMessage({
    channelKind: 'x',
    type: repliedTo !== null ? 'reply' : tweet.text.includes('@') ? 'mention' : 'post',
    visibility: 'public',
    externalId: tweet.id,
    threadExternalId: tweet.conversation_id ?? repliedTo ?? tweet.id,
    inReplyToExternalId: repliedTo,
    authorExternalId: authorId,
    authorHandle: author === undefined ? authorId : `@${author.username}`,
    authorName: author?.name ?? null,
    authorFollowers: author?.public_metrics?.followers_count ?? null,
    authorIsVerified: author?.verified === true,
    text: tweet.text,
    language: tweet.lang && tweet.lang !== 'und' && !tweet.lang.startsWith('q') ? tweet.lang : null,
    receivedAt: Number.isNaN(created.getTime()) ? now : created,
    metadata: { source: 'pull' },
  });
};
