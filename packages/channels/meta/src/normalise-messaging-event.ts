import { type Attachment, buildInboundMessage, type WebhookEvent } from '@ascolta/core';
import { z } from 'zod';
import { metaTimestamp } from './meta-timestamp.ts';
import { metaId, metaTime } from './meta-webhook-body.ts';

const attachment = z.object({
  type: z.string(),
  payload: z.object({ url: z.string().optional() }).nullable().optional(),
  url: z.string().optional(),
});

const messagingEvent = z.object({
  sender: z.object({ id: metaId }),
  recipient: z.object({ id: metaId }),
  timestamp: metaTime.optional(),
  message: z
    .object({
      mid: z.string(),
      text: z.string().optional(),
      is_echo: z.boolean().optional(),
      is_deleted: z.boolean().optional(),
      is_unsupported: z.boolean().optional(),
      app_id: metaId.optional(),
      attachments: z.array(attachment).optional(),
      quick_reply: z.object({ payload: z.string() }).optional(),
      reply_to: z.object({ mid: z.string().optional() }).optional(),
    })
    .optional(),
  postback: z.object({ mid: z.string().optional(), title: z.string(), payload: z.string().optional() }).optional(),
  delivery: z.object({ mids: z.array(z.string()).optional() }).optional(),
  read: z.object({ mid: z.string().optional() }).optional(),
  reaction: z.object({ mid: z.string().optional() }).optional(),
});
type MessagingEvent = z.infer<typeof messagingEvent>;

const attachmentKinds: Record<string, Attachment['kind']> = {
  image: 'image',
  video: 'video',
  reel: 'video',
  ig_reel: 'video',
  audio: 'audio',
  file: 'file',
  sticker: 'sticker',
  share: 'link',
  fallback: 'link',
};

/**
 * One `messaging[]` (or `standby[]`) event of Messenger or Instagram Direct. `accountId` is the entry id:
 * the page or Instagram account the app is subscribed for.
 */
export const normaliseMessagingEvent = (
  channelKind: 'messenger' | 'instagram',
  accountId: string,
  value: unknown,
  fallbackTime: Date,
): WebhookEvent[] => {
  const parsed = messagingEvent.safeParse(value);
  if (!parsed.success)
    return [ignored(accountId, null, `unreadable messaging event: ${parsed.error.issues[0]?.message}`)];
  const event = parsed.data;
  const receivedAt = metaTimestamp(event.timestamp, fallbackTime);
  if (event.message !== undefined) return [normaliseMessage(channelKind, accountId, event, event.message, receivedAt)];
  if (event.postback !== undefined) {
    // A tapped button or ice-breaker is the customer speaking: it also reopens the 24-hour window.
    const externalId = event.postback.mid ?? `postback:${event.sender.id}:${receivedAt.getTime()}`;
    const fields = { externalId, text: event.postback.title, receivedAt, attachments: [], inReplyTo: null };
    const metadata = { postbackPayload: event.postback.payload ?? null };
    return [message(channelKind, accountId, event, { ...fields, isUnsupported: false, metadata })];
  }
  if (event.delivery !== undefined) {
    const mids = event.delivery.mids ?? [];
    if (mids.length === 0) return [ignored(accountId, null, 'delivery receipt without message ids (watermark only)')];
    return mids.map((mid) => status(accountId, mid, 'delivered'));
  }
  if (event.read !== undefined) {
    if (event.read.mid === undefined) return [ignored(accountId, null, 'read receipt (watermark only)')];
    return [status(accountId, event.read.mid, 'read')];
  }
  if (event.reaction !== undefined)
    return [ignored(accountId, event.reaction.mid ?? null, 'reaction: no text to answer')];
  return [ignored(accountId, null, 'messaging event without message (referral, edit, opt-in…)')];
};

const normaliseMessage = (
  channelKind: 'messenger' | 'instagram',
  accountId: string,
  event: MessagingEvent,
  body: NonNullable<MessagingEvent['message']>,
  receivedAt: Date,
): WebhookEvent => {
  if (body.is_echo === true) return ignored(accountId, body.mid, 'echo: sent by our page or account');
  if (body.is_deleted === true) return ignored(accountId, body.mid, 'deletion: the customer unsent the message');
  const attachments: Attachment[] = (body.attachments ?? []).map((item) => ({
    kind: attachmentKinds[item.type] ?? 'other',
    url: item.payload?.url ?? item.url ?? null,
    mimeType: null,
    name: item.type,
  }));
  return message(channelKind, accountId, event, {
    externalId: body.mid,
    text: body.text ?? '',
    receivedAt,
    attachments,
    inReplyTo: body.reply_to?.mid ?? null,
    isUnsupported: body.is_unsupported === true,
    metadata: { quickReplyPayload: body.quick_reply?.payload ?? null },
  });
};

interface MessageFields {
  externalId: string;
  text: string;
  receivedAt: Date;
  attachments: Attachment[];
  inReplyTo: string | null;
  isUnsupported: boolean;
  metadata: Record<string, unknown>;
}

const message = (
  channelKind: 'messenger' | 'instagram',
  accountId: string,
  event: MessagingEvent,
  fields: MessageFields,
): WebhookEvent => ({
  kind: 'message',
  accountExternalId: accountId,
  message: buildInboundMessage({
    channelKind,
    type: fields.isUnsupported ? 'unsupported' : 'direct',
    visibility: 'private',
    externalId: fields.externalId,
    // One conversation per customer and account: the customer's page- or account-scoped id.
    threadExternalId: event.sender.id,
    inReplyToExternalId: fields.inReplyTo,
    authorExternalId: event.sender.id,
    text: fields.text,
    receivedAt: fields.receivedAt,
    attachments: fields.attachments,
    metadata: fields.metadata,
  }),
});

const status = (accountId: string, externalId: string, state: 'delivered' | 'read'): WebhookEvent => ({
  kind: 'delivery-status',
  accountExternalId: accountId,
  externalId,
  state,
  error: null,
});

const ignored = (accountId: string, externalId: string | null, reason: string): WebhookEvent => ({
  kind: 'ignored',
  accountExternalId: accountId,
  externalId,
  reason,
});
