import { z } from 'zod';
import { json, type SimRequest, type SimResponse } from './http-exchange.ts';
import { type PlatformState, record, type SimulatedTweet, threadOf } from './platform-state.ts';
import { searchTweets } from './search-tweets.ts';

const problem = (status: number, title: string, detail: string, type = 'about:blank') => ({
  title,
  detail,
  type,
  status,
});
const tweetBody = z.object({
  text: z.string().min(1),
  reply: z.object({ in_reply_to_tweet_id: z.string() }).optional(),
});
const dmBody = z.object({ text: z.string().min(1) });
const dmConversation = (a: string, b: string) => (BigInt(a) <= BigInt(b) ? `${a}-${b}` : `${b}-${a}`);

/** The X API v2 subset the connector calls, with X's rate-limit headers on every answer. */
export const handleXApi = (state: PlatformState, request: SimRequest): SimResponse | null => {
  const rateHeaders = {
    'x-rate-limit-limit': '200',
    'x-rate-limit-remaining': '199',
    'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 900),
  };
  if (request.method === 'POST' && request.path === '/2/tweets') return postTweet(state, request, rateHeaders);
  const dm = /^\/2\/dm_conversations\/with\/(\d+)\/messages$/.exec(request.path);
  if (request.method === 'POST' && dm) return postDm(state, request, dm[1]!, rateHeaders);
  const mentions = /^\/2\/users\/(\d+)\/mentions$/.exec(request.path);
  if (request.method === 'GET' && mentions) {
    const userId = mentions[1]!;
    const found = state.tweets.filter((tweet) => tweet.mentionedUserIds.includes(userId) && tweet.author.id !== userId);
    return timeline(found, request.query, rateHeaders);
  }
  if (request.method === 'GET' && request.path === '/2/tweets/search/recent') {
    return timeline(searchTweets(state.tweets, request.query.get('query') ?? ''), request.query, rateHeaders);
  }
  return null;
};

const postTweet = (state: PlatformState, request: SimRequest, headers: Record<string, string>): SimResponse => {
  const body = tweetBody.safeParse(request.body);
  if (!body.success)
    return json(
      400,
      problem(
        400,
        'Invalid Request',
        'One or more parameters to your request was invalid.',
        'https://api.twitter.com/2/problems/invalid-request',
      ),
    );
  if ([...body.data.text].length > 280)
    return json(403, problem(403, 'Forbidden', 'Tweet text is longer than 280 characters.'));
  const id = String(1_900_000_000_000_000_000n + BigInt(state.nextId()));
  const inReplyTo = body.data.reply?.in_reply_to_tweet_id ?? null;
  const thread = inReplyTo === null ? id : threadOf(state, inReplyTo);
  record(state, {
    platform: 'x',
    action: 'tweet',
    externalId: id,
    threadExternalId: thread,
    recipient: null,
    inReplyTo,
    text: body.data.text,
    body: request.body,
  });
  const { xAccountId, xHandle } = state.accounts;
  state.tweets.push({
    id,
    text: body.data.text,
    author: { id: xAccountId, username: xHandle, name: xHandle, followers: 0, verified: false },
    conversationId: thread,
    inReplyToId: inReplyTo,
    mentionedUserIds: [],
    createdAt: new Date(),
    lang: 'und',
  });
  return json(
    201,
    { data: { id, text: body.data.text } },
    { ...headers, location: `https://api.twitter.com/2/tweets/${id}` },
  );
};

const postDm = (
  state: PlatformState,
  request: SimRequest,
  participant: string,
  headers: Record<string, string>,
): SimResponse => {
  const body = dmBody.safeParse(request.body);
  if (!body.success)
    return json(
      400,
      problem(400, 'Invalid Request', 'text is required', 'https://api.twitter.com/2/problems/invalid-request'),
    );
  const eventId = String(1_950_000_000_000_000_000n + BigInt(state.nextId()));
  const conversation = dmConversation(participant, state.accounts.xAccountId);
  record(state, {
    platform: 'x',
    action: 'dm',
    externalId: eventId,
    threadExternalId: conversation,
    recipient: participant,
    inReplyTo: null,
    text: body.data.text,
    body: request.body,
  });
  return json(
    201,
    { data: { dm_conversation_id: conversation, dm_event_id: eventId } },
    {
      ...headers,
      location: `https://api.twitter.com/2/dm_events/"${eventId}"`,
    },
  );
};

const isNewer = (id: string, sinceId: string | null) => sinceId === null || BigInt(id) > BigInt(sinceId);

/** Newest first, `since_id` exclusive, `max_results` per page, `includes.users` with `expansions=author_id`. */
const timeline = (tweets: SimulatedTweet[], query: URLSearchParams, headers: Record<string, string>): SimResponse => {
  const sinceId = query.get('since_id');
  const limit = Math.min(100, Number(query.get('max_results') ?? 10));
  const page = tweets
    .filter((tweet) => isNewer(tweet.id, sinceId))
    .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
    .slice(0, limit);
  const data = page.map((tweet) => ({
    id: tweet.id,
    text: tweet.text,
    edit_history_tweet_ids: [tweet.id],
    author_id: tweet.author.id,
    conversation_id: tweet.conversationId,
    created_at: tweet.createdAt.toISOString(),
    lang: tweet.lang,
    ...(tweet.inReplyToId ? { referenced_tweets: [{ type: 'replied_to', id: tweet.inReplyToId }] } : {}),
  }));
  const users = [...new Map(page.map((tweet) => [tweet.author.id, tweet.author])).values()].map((author) => ({
    id: author.id,
    username: author.username,
    name: author.name,
    verified: author.verified,
    public_metrics: { followers_count: author.followers },
  }));
  const meta =
    page.length === 0
      ? { result_count: 0 }
      : { result_count: page.length, newest_id: page[0]!.id, oldest_id: page.at(-1)!.id };
  const withUsers = query.get('expansions')?.includes('author_id') === true && users.length > 0;
  return json(
    200,
    { ...(page.length > 0 ? { data } : {}), ...(withUsers ? { includes: { users } } : {}), meta },
    headers,
  );
};
