import { buildInboundMessage, type WebhookEvent } from '@ascolta/core';
import { z } from 'zod';

const commentValue = z.object({
  /** Real deliveries carry `id`; Meta's Facebook-Login template says `comment_id`. Both are accepted. */
  id: z.string().optional(),
  comment_id: z.string().optional(),
  text: z.string().optional(),
  parent_id: z.string().optional(),
  from: z.object({ id: z.string(), username: z.string().optional(), self_ig_scoped_id: z.string().optional() }),
  media: z.object({ id: z.string(), media_product_type: z.string().optional() }),
});

const mentionValue = z.object({ media_id: z.string(), comment_id: z.string().optional() });

/** One `changes[]` item of an Instagram professional account: comments and @mentions. */
export const normaliseInstagramChange = (
  accountId: string,
  field: string,
  value: unknown,
  receivedAt: Date,
): WebhookEvent => {
  if (field === 'comments' || field === 'live_comments') return normaliseComment(accountId, value, receivedAt);
  if (field === 'mentions') return normaliseMention(accountId, value, receivedAt);
  return ignored(accountId, null, `instagram field ${field} is not a customer message`);
};

const normaliseComment = (accountId: string, value: unknown, receivedAt: Date): WebhookEvent => {
  const parsed = commentValue.safeParse(value);
  if (!parsed.success)
    return ignored(accountId, null, `unreadable instagram comment: ${parsed.error.issues[0]?.message}`);
  const comment = parsed.data;
  const externalId = comment.id ?? comment.comment_id;
  if (externalId === undefined) return ignored(accountId, null, 'instagram comment without id');
  if (comment.from.self_ig_scoped_id !== undefined || comment.from.id === accountId) {
    return ignored(accountId, externalId, 'echo: written by our own instagram account');
  }
  return {
    kind: 'message',
    accountExternalId: accountId,
    message: buildInboundMessage({
      channelKind: 'instagram',
      type: comment.parent_id === undefined ? 'comment' : 'reply',
      visibility: 'public',
      externalId,
      threadExternalId: comment.media.id,
      inReplyToExternalId: comment.parent_id ?? comment.media.id,
      authorExternalId: comment.from.id,
      authorHandle: comment.from.username ?? comment.from.id,
      text: comment.text ?? '',
      receivedAt,
      metadata: { mediaProductType: comment.media.media_product_type ?? null },
    }),
  };
};

/**
 * Mentions arrive thin (only ids): the message is stored with empty text and `isTextPending`, so a worker
 * can fetch `mentioned_comment` / `mentioned_media` through the Graph API before triage.
 */
const normaliseMention = (accountId: string, value: unknown, receivedAt: Date): WebhookEvent => {
  const parsed = mentionValue.safeParse(value);
  if (!parsed.success)
    return ignored(accountId, null, `unreadable instagram mention: ${parsed.error.issues[0]?.message}`);
  const mention = parsed.data;
  const externalId = mention.comment_id ?? mention.media_id;
  return {
    kind: 'message',
    accountExternalId: accountId,
    message: buildInboundMessage({
      channelKind: 'instagram',
      type: 'mention',
      visibility: 'public',
      externalId,
      threadExternalId: mention.media_id,
      inReplyToExternalId: mention.comment_id === undefined ? null : mention.media_id,
      authorExternalId: 'unknown',
      text: '',
      receivedAt,
      metadata: { isTextPending: true, mediaId: mention.media_id, commentId: mention.comment_id ?? null },
    }),
  };
};

const ignored = (accountId: string, externalId: string | null, reason: string): WebhookEvent => ({
  kind: 'ignored',
  accountExternalId: accountId,
  externalId,
  reason,
});
