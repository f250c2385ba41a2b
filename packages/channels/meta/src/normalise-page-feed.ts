import { buildInboundMessage, type WebhookEvent } from '@ascolta/core';
import { z } from 'zod';
import { metaTimestamp } from './meta-timestamp.ts';
import { metaId, metaTime } from './meta-webhook-body.ts';

const feedValue = z.object({
  item: z.string(),
  verb: z.string(),
  from: z.object({ id: metaId, name: z.string().optional() }).optional(),
  /** 2016-era deliveries: `sender_id`/`sender_name` instead of `from`. */
  sender_id: metaId.optional(),
  sender_name: z.string().optional(),
  post_id: z.string().optional(),
  comment_id: z.string().optional(),
  parent_id: z.string().optional(),
  message: z.string().optional(),
  created_time: metaTime.optional(),
});

const postItems = new Set(['status', 'post', 'photo', 'video', 'share']);
const ignoredVerbs: Record<string, string> = {
  remove: 'deleted by its author or the page',
  delete: 'deleted by its author or the page',
  hide: 'hidden by the page',
  unhide: 'unhidden by the page',
};

/** One `feed` change of a Facebook Page: visitor posts and comments become messages, the rest is ignored. */
export const normalisePageFeed = (pageId: string, value: unknown, fallbackTime: Date): WebhookEvent => {
  const parsed = feedValue.safeParse(value);
  if (!parsed.success) return ignored(pageId, null, `unreadable feed change: ${parsed.error.issues[0]?.message}`);
  const change = parsed.data;
  const externalId = change.comment_id ?? change.post_id ?? null;
  const isPost = postItems.has(change.item);
  if (change.item !== 'comment' && !isPost)
    return ignored(pageId, externalId, `feed ${change.item}: no text to answer`);
  if (ignoredVerbs[change.verb] !== undefined)
    return ignored(pageId, externalId, `${change.item} ${ignoredVerbs[change.verb]}`);
  if (change.verb !== 'add' && change.verb !== 'edited') return ignored(pageId, externalId, `feed verb ${change.verb}`);
  const authorId = change.from?.id ?? change.sender_id;
  if (authorId === undefined || externalId === null || change.post_id === undefined) {
    return ignored(pageId, externalId, `${change.item} without author or id`);
  }
  // Our own public replies (from the API or staff in the native UI) come back as comments by the page.
  if (authorId === pageId) return ignored(pageId, externalId, 'echo: written by the page itself');
  const isReply = change.item === 'comment' && change.parent_id !== undefined && change.parent_id !== change.post_id;
  return {
    kind: 'message',
    accountExternalId: pageId,
    message: buildInboundMessage({
      channelKind: 'facebook',
      type: isPost ? 'post' : isReply ? 'reply' : 'comment',
      visibility: 'public',
      externalId,
      threadExternalId: change.post_id,
      inReplyToExternalId: isPost ? null : (change.parent_id ?? change.post_id),
      authorExternalId: authorId,
      authorHandle: change.from?.name ?? change.sender_name ?? authorId,
      authorName: change.from?.name ?? change.sender_name ?? null,
      text: change.message ?? '',
      receivedAt: metaTimestamp(change.created_time, fallbackTime),
      // An edit keeps the original id, so storing it is a no-op when the original already arrived.
      metadata: { item: change.item, verb: change.verb },
    }),
  };
};

const ignored = (pageId: string, externalId: string | null, reason: string): WebhookEvent => ({
  kind: 'ignored',
  accountExternalId: pageId,
  externalId,
  reason,
});
