import { type Attachment, buildInboundMessage, type WebhookEvent } from '@ascolta/core';
import { z } from 'zod';
import { metaTimestamp } from './meta-timestamp.ts';
import { metaTime } from './meta-webhook-body.ts';

const media = z.object({ id: z.string(), mime_type: z.string().optional(), caption: z.string().optional() });
const waMessage = z.object({
  from: z.string(),
  id: z.string(),
  timestamp: metaTime,
  type: z.string(),
  text: z.object({ body: z.string() }).optional(),
  image: media.optional(),
  video: media.optional(),
  audio: media.optional(),
  document: media.extend({ filename: z.string().optional() }).optional(),
  sticker: media.optional(),
  interactive: z
    .object({
      button_reply: z.object({ id: z.string(), title: z.string() }).optional(),
      list_reply: z.object({ id: z.string(), title: z.string() }).optional(),
    })
    .optional(),
  button: z.object({ text: z.string(), payload: z.string().optional() }).optional(),
  location: z.object({ latitude: z.number(), longitude: z.number(), name: z.string().optional() }).optional(),
  context: z.object({ id: z.string().optional() }).optional(),
  errors: z.array(z.object({ code: z.number(), title: z.string().optional() })).optional(),
});
type WaMessage = z.infer<typeof waMessage>;

const waStatus = z.object({
  id: z.string(),
  status: z.string(),
  errors: z.array(z.object({ code: z.number(), title: z.string().optional() })).optional(),
});

const waValue = z.object({
  metadata: z.object({ phone_number_id: z.string() }),
  contacts: z.array(z.object({ profile: z.object({ name: z.string() }).optional(), wa_id: z.string() })).optional(),
  messages: z.array(waMessage).optional(),
  statuses: z.array(waStatus).optional(),
});

const mediaKinds = { image: 'image', video: 'video', audio: 'audio', document: 'file', sticker: 'sticker' } as const;
const ignoredTypes: Record<string, string> = {
  reaction: 'reaction: no text to answer',
  system: 'system notice (number changed…)',
  ephemeral: 'disappearing message',
};

/** One `messages` change of the WhatsApp Cloud API: customer messages and delivery statuses of ours. */
export const normaliseWhatsappChange = (field: string, value: unknown, fallbackTime: Date): WebhookEvent[] => {
  if (field !== 'messages') return [ignored(null, null, `whatsapp field ${field} is not a customer message`)];
  const parsed = waValue.safeParse(value);
  if (!parsed.success) return [ignored(null, null, `unreadable whatsapp change: ${parsed.error.issues[0]?.message}`)];
  const phoneId = parsed.data.metadata.phone_number_id;
  const names = new Map((parsed.data.contacts ?? []).map((contact) => [contact.wa_id, contact.profile?.name ?? null]));
  const messages = (parsed.data.messages ?? []).map((item) =>
    normaliseMessage(phoneId, item, names.get(item.from) ?? null, fallbackTime),
  );
  const statuses = (parsed.data.statuses ?? []).map((item): WebhookEvent => {
    const state = item.status;
    if (state !== 'sent' && state !== 'delivered' && state !== 'read' && state !== 'failed') {
      return ignored(phoneId, item.id, `whatsapp status ${state}`);
    }
    const error = item.errors?.[0];
    const errorText = error === undefined ? null : `${error.code} ${error.title ?? ''}`.trim();
    return { kind: 'delivery-status', accountExternalId: phoneId, externalId: item.id, state, error: errorText };
  });
  return [...messages, ...statuses];
};

const normaliseMessage = (phoneId: string, item: WaMessage, name: string | null, fallback: Date): WebhookEvent => {
  const ignoredReason = ignoredTypes[item.type];
  if (ignoredReason !== undefined) return ignored(phoneId, item.id, ignoredReason);
  const mediaKind = mediaKinds[item.type as keyof typeof mediaKinds];
  const mediaBody = mediaKind === undefined ? undefined : item[item.type as keyof typeof mediaKinds];
  // Media is kept by reference: the Cloud API media id, fetched only when an agent opens it.
  const attachments: Attachment[] =
    mediaKind === undefined || mediaBody === undefined
      ? []
      : [
          {
            kind: mediaKind,
            url: mediaBody.id,
            mimeType: mediaBody.mime_type ?? null,
            name: item.document?.filename ?? null,
          },
        ];
  const isUnsupported = item.type === 'unknown' || item.type === 'unsupported';
  return {
    kind: 'message',
    accountExternalId: phoneId,
    message: buildInboundMessage({
      channelKind: 'whatsapp',
      type: isUnsupported ? 'unsupported' : 'direct',
      visibility: 'private',
      externalId: item.id,
      threadExternalId: item.from,
      inReplyToExternalId: item.context?.id ?? null,
      authorExternalId: item.from,
      authorHandle: item.from,
      authorName: name,
      text: textOf(item) ?? mediaBody?.caption ?? '',
      receivedAt: metaTimestamp(item.timestamp, fallback),
      attachments,
      metadata: { waType: item.type, errors: item.errors ?? [], quickReplyPayload: replyIdOf(item) },
    }),
  };
};

/** The id of a tapped reply button or list row, or a template quick reply's payload: what we put on the option. */
const replyIdOf = (item: WaMessage): string | null =>
  (item.interactive?.button_reply ?? item.interactive?.list_reply)?.id ?? item.button?.payload ?? null;

const textOf = (item: WaMessage): string | undefined => {
  if (item.text !== undefined) return item.text.body;
  if (item.interactive !== undefined) return (item.interactive.button_reply ?? item.interactive.list_reply)?.title;
  if (item.button !== undefined) return item.button.text;
  if (item.location !== undefined)
    return `${item.location.name ?? 'Location'} (${item.location.latitude}, ${item.location.longitude})`;
  return undefined;
};

const ignored = (phoneId: string | null, externalId: string | null, reason: string): WebhookEvent => ({
  kind: 'ignored',
  accountExternalId: phoneId,
  externalId,
  reason,
});
