import { z } from 'zod';
import { json, type SimRequest, type SimResponse } from './http-exchange.ts';
import { type PlatformState, record, type SentRecord } from './platform-state.ts';

export interface SentFilter {
  platform?: string | undefined;
  thread?: string | undefined;
  recipient?: string | undefined;
}

export const filterSent = (state: PlatformState, filter: SentFilter): SentRecord[] =>
  state.sent.filter(
    (entry) =>
      (filter.platform === undefined || entry.platform === filter.platform) &&
      (filter.thread === undefined || entry.threadExternalId === filter.thread) &&
      (filter.recipient === undefined || entry.recipient === filter.recipient),
  );

const failureBody = z.object({
  api: z.enum(['x', 'graph', 'custom']),
  failure: z.enum(['auth-expired', 'rate-limited', 'temporary']),
  times: z.number().int().min(1).max(1000).default(1),
});
const tweetBody = z.object({
  id: z.string().regex(/^\d+$/),
  text: z.string(),
  author: z.object({
    id: z.string(),
    username: z.string(),
    name: z.string(),
    followers: z.number(),
    verified: z.boolean(),
  }),
  conversationId: z.string(),
  inReplyToId: z.string().nullable(),
  mentionedUserIds: z.array(z.string()),
  createdAt: z.coerce.date(),
  lang: z.string(),
});
const threadBody = z.object({ objectId: z.string(), threadId: z.string() });

/**
 * `/_sim/*`: lets a test or another process read what the product sent and script the platforms.
 * GET /_sim/sent?platform=&thread=&recipient= · POST /_sim/failures {api, failure, times} ·
 * POST /_sim/tweets {…} (puts a tweet on the timeline) · POST /_sim/threads {objectId, threadId} · POST /_sim/reset
 */
export const handleControlApi = (state: PlatformState, request: SimRequest): SimResponse | null => {
  const route = `${request.method} ${request.path}`;
  if (route === 'GET /_sim/health') return json(200, { ok: true, accounts: state.accounts });
  if (route === 'GET /_sim/sent') {
    const filter = {
      platform: param(request, 'platform'),
      thread: param(request, 'thread'),
      recipient: param(request, 'recipient'),
    };
    return json(200, { items: filterSent(state, filter) });
  }
  if (route === 'POST /_sim/failures')
    return parsed(failureBody, request, (body) =>
      state.failures[body.api].push(...Array(body.times).fill(body.failure)),
    );
  if (route === 'POST /_sim/tweets') return parsed(tweetBody, request, (tweet) => state.tweets.push(tweet));
  if (route === 'POST /_sim/threads')
    return parsed(threadBody, request, (body) => state.threads.set(body.objectId, body.threadId));
  if (route === 'POST /_sim/reset') {
    state.sent.length = 0;
    state.tweets.length = 0;
    state.privatelyAnswered.clear();
    state.instagramMentions.clear();
    state.threads.clear();
    for (const queue of Object.values(state.failures)) queue.length = 0;
    return json(200, { ok: true });
  }
  return null;
};

/** A source's own endpoint receiving the replies of a custom channel. */
export const handleCustomCallback = (state: PlatformState, request: SimRequest): SimResponse | null => {
  const match = /^\/custom\/([^/]+)\/replies$/.exec(request.path);
  if (request.method !== 'POST' || !match) return null;
  const body = z
    .object({
      threadId: z.string(),
      inReplyToId: z.string().nullable(),
      recipientId: z.string(),
      text: z.string().min(1),
    })
    .safeParse(request.body);
  if (!body.success) return json(400, { error: body.error.issues[0]?.message });
  const id = `custom-reply-${state.nextId()}`;
  const { threadId, inReplyToId, recipientId, text } = body.data;
  record(state, {
    platform: 'custom',
    action: 'callback',
    externalId: id,
    threadExternalId: threadId,
    recipient: recipientId,
    inReplyTo: inReplyToId,
    text,
    body: request.body,
  });
  return json(200, { id });
};

const param = (request: SimRequest, name: string): string | undefined => request.query.get(name) ?? undefined;

const parsed = <T>(schema: z.ZodType<T>, request: SimRequest, apply: (value: T) => unknown): SimResponse => {
  const body = schema.safeParse(request.body);
  if (!body.success)
    return json(400, { error: `${body.error.issues[0]?.path.join('.')}: ${body.error.issues[0]?.message}` });
  apply(body.data);
  return json(200, { ok: true });
};
