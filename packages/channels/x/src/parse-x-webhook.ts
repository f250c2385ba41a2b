import { DomainError, type WebhookEvent, type WebhookRequest, type WebhookResult } from '@ascolta/core';
import { normaliseXDirectMessage, normaliseXTweet } from './normalise-x-activity.ts';
import { xActivityBody } from './x-activity-body.ts';
import { crcResponseToken, verifyXSignature } from './x-signatures.ts';

/** Account Activity events that carry nothing to answer, with the reason recorded for each. */
const ignoredEventReasons: Record<string, string> = {
  favorite_events: 'like: no text to answer',
  follow_events: 'follow or unfollow',
  block_events: 'block or unblock',
  mute_events: 'mute or unmute',
  direct_message_indicate_typing_events: 'typing indicator',
  direct_message_mark_read_events: 'read receipt',
  tweet_delete_events: 'deletion: the author deleted the tweet',
  user_event: 'user event (app access revoked)',
};

/**
 * Everything X delivers to `/webhooks/x`: the CRC challenge (GET with `crc_token`) and signed Account
 * Activity deliveries (POST). Header names are expected in lower case, as Node gives them.
 */
export const parseXWebhook = (request: WebhookRequest, consumerSecret: string, now: Date): WebhookResult => {
  if (request.method === 'GET') {
    const token = request.query.crc_token;
    if (token === undefined || token === '')
      throw new DomainError('invalid-input', 'expected a crc_token query parameter');
    return {
      kind: 'challenge',
      body: JSON.stringify({ response_token: crcResponseToken(consumerSecret, token) }),
      contentType: 'application/json',
    };
  }
  if (!verifyXSignature(consumerSecret, request.rawBody, request.headers['x-twitter-webhooks-signature'])) {
    throw new DomainError(
      'bad-signature',
      'x-twitter-webhooks-signature does not match the body signed with the consumer secret',
    );
  }
  const json = parseJson(request.rawBody);
  const body = xActivityBody.safeParse(json);
  if (!body.success)
    throw new DomainError('invalid-input', `not an Account Activity delivery: ${body.error.issues[0]?.message}`);
  const accountId = body.data.for_user_id ?? null;
  const events: WebhookEvent[] = [];
  for (const key of Object.keys(json as object)) {
    if (key === 'tweet_create_events' || key === 'direct_message_events') continue;
    const reason = ignoredEventReasons[key];
    if (reason !== undefined) events.push({ kind: 'ignored', accountExternalId: accountId, externalId: null, reason });
  }
  const activity = [...(body.data.tweet_create_events ?? []), ...(body.data.direct_message_events ?? [])];
  if (accountId === null) {
    if (activity.length > 0) throw new DomainError('invalid-input', 'tweet or message events without for_user_id');
    return { kind: 'events', events };
  }
  events.push(...(body.data.tweet_create_events ?? []).map((tweet) => normaliseXTweet(accountId, tweet, now)));
  events.push(
    ...(body.data.direct_message_events ?? []).map((event) =>
      normaliseXDirectMessage(accountId, event, body.data.users, now),
    ),
  );
  return { kind: 'events', events };
};

const parseJson = (rawBody: Uint8Array): unknown => {
  try {
    return JSON.parse(Buffer.from(rawBody).toString('utf8'));
  } catch (error) {
    throw new DomainError('invalid-input', `body is not valid JSON: ${error instanceof Error ? error.message : error}`);
  }
};
