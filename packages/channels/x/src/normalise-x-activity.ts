import { type Attachment, buildInboundMessage, type WebhookEvent } from '@ascolta/core';
import { dmConversationId } from './dm-conversation-id.ts';
import { type XTweet, xDirectMessageEvent, xTweet, xUsersMap } from './x-activity-body.ts';

/** A language hint X gives for text it could not classify: undetermined, media only, hashtags only. */
const noLanguage = new Set(['und', 'qme', 'qht', 'zxx', 'qst']);

const ignored = (accountId: string | null, externalId: string | null, reason: string): WebhookEvent => ({
  kind: 'ignored',
  accountExternalId: accountId,
  externalId,
  reason,
});

/** A tweet delivered to the subscribed account: a mention, a reply, or our own tweet coming back. */
export const normaliseXTweet = (accountId: string, value: unknown, fallback: Date): WebhookEvent => {
  const parsed = xTweet.safeParse(value);
  if (!parsed.success) return ignored(accountId, null, `unreadable tweet object: ${parsed.error.issues[0]?.message}`);
  const tweet = parsed.data;
  if (tweet.user.id_str === accountId) return ignored(accountId, tweet.id_str, 'echo: tweeted by our own account');
  if (tweet.retweeted_status !== undefined) return ignored(accountId, tweet.id_str, 'retweet: no new text to answer');
  const inReplyTo = tweet.in_reply_to_status_id_str ?? null;
  const mentionsUs = (tweet.entities?.user_mentions ?? []).some((mention) => mention.id_str === accountId);
  return {
    kind: 'message',
    accountExternalId: accountId,
    message: buildInboundMessage({
      channelKind: 'x',
      type: inReplyTo !== null ? 'reply' : mentionsUs ? 'mention' : 'post',
      visibility: 'public',
      externalId: tweet.id_str,
      // Account Activity tweets carry no conversation id: the tweet answered is the closest thread key.
      threadExternalId: inReplyTo ?? tweet.id_str,
      inReplyToExternalId: inReplyTo,
      authorExternalId: tweet.user.id_str,
      authorHandle: `@${tweet.user.screen_name}`,
      authorName: tweet.user.name ?? null,
      authorFollowers: tweet.user.followers_count ?? null,
      authorIsVerified: tweet.user.verified === true,
      text: fullText(tweet),
      language: tweet.lang && !noLanguage.has(tweet.lang) ? tweet.lang : null,
      receivedAt: tweetTime(tweet, fallback),
      attachments: (tweet.entities?.media ?? []).map(mediaAttachment),
    }),
  };
};

/** A direct message event; the account's own DMs come back too and are echoes. */
export const normaliseXDirectMessage = (
  accountId: string,
  value: unknown,
  users: unknown,
  fallback: Date,
): WebhookEvent => {
  const parsed = xDirectMessageEvent.safeParse(value);
  if (!parsed.success)
    return ignored(accountId, null, `unreadable direct message event: ${parsed.error.issues[0]?.message}`);
  const event = parsed.data;
  if (event.type !== 'message_create') return ignored(accountId, event.id, `direct message event ${event.type}`);
  const { sender_id: senderId, target, message_data: data } = event.message_create;
  if (senderId === accountId) return ignored(accountId, event.id, 'echo: direct message sent by our own account');
  const profiles = xUsersMap.safeParse(users);
  const sender = profiles.success ? profiles.data[senderId] : undefined;
  const created = Number(event.created_timestamp);
  return {
    kind: 'message',
    accountExternalId: accountId,
    message: buildInboundMessage({
      channelKind: 'x',
      type: 'direct',
      visibility: 'private',
      externalId: event.id,
      threadExternalId: dmConversationId(senderId, target.recipient_id),
      authorExternalId: senderId,
      authorHandle: sender?.screen_name === undefined ? senderId : `@${sender.screen_name}`,
      authorName: sender?.name ?? null,
      authorFollowers: sender?.followers_count ?? null,
      authorIsVerified: sender?.verified === true,
      text: data.text,
      receivedAt: Number.isFinite(created) ? new Date(created) : fallback,
      attachments: data.attachment?.media === undefined ? [] : [mediaAttachment(data.attachment.media)],
    }),
  };
};

const fullText = (tweet: XTweet): string => tweet.extended_tweet?.full_text ?? tweet.full_text ?? tweet.text ?? '';

const tweetTime = (tweet: XTweet, fallback: Date): Date => {
  const date =
    tweet.timestamp_ms !== undefined ? new Date(Number(tweet.timestamp_ms)) : new Date(tweet.created_at ?? Number.NaN);
  return Number.isNaN(date.getTime()) ? fallback : date;
};

const mediaAttachment = (media: { media_url_https?: string | undefined; type?: string | undefined }): Attachment => ({
  kind: media.type === 'video' || media.type === 'animated_gif' ? 'video' : 'image',
  url: media.media_url_https ?? null,
  mimeType: null,
  name: null,
});
