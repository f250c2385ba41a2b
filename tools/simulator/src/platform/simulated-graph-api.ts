import { z } from 'zod';
import { json, type SimRequest, type SimResponse } from './http-exchange.ts';
import { type PlatformState, record, type SentPlatform, threadOf } from './platform-state.ts';

const graphError = (status: number, code: number, message: string, extra: Record<string, unknown> = {}): SimResponse =>
  json(status, { error: { message, type: 'OAuthException', code, ...extra, fbtrace_id: 'SimTrace0000' } });

const commentBody = z.object({ message: z.string().min(1) });
const sendBody = z.object({
  recipient: z.union([
    z.object({ id: z.string() }),
    z.object({ comment_id: z.string() }),
    z.object({ post_id: z.string() }),
  ]),
  messaging_type: z.enum(['RESPONSE', 'UPDATE', 'MESSAGE_TAG']).optional(),
  tag: z.string().optional(),
  message: z.object({
    text: z.string().min(1),
    // Send API: up to 13 quick replies, titles of at most 20 characters (`messenger-send-quick-replies-request`).
    quick_replies: z
      .array(
        z.object({
          content_type: z.literal('text'),
          title: z.string().min(1).max(20),
          payload: z.string().min(1).max(1000),
        }),
      )
      .min(1)
      .max(13)
      .optional(),
  }),
});
const replyButton = z.object({
  type: z.literal('reply'),
  reply: z.object({ id: z.string().min(1).max(256), title: z.string().min(1).max(20) }),
});
const listRow = z.object({
  id: z.string().min(1).max(200),
  title: z.string().min(1).max(24),
  description: z.string().max(72).optional(),
});
// WhatsApp interactive messages: up to 3 reply buttons, or a list of at most 10 rows in all.
const interactive = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('button'),
    body: z.object({ text: z.string().min(1).max(1024) }),
    action: z.object({ buttons: z.array(replyButton).min(1).max(3) }),
  }),
  z.object({
    type: z.literal('list'),
    body: z.object({ text: z.string().min(1).max(4096) }),
    action: z.object({
      button: z.string().min(1).max(20),
      sections: z
        .array(z.object({ title: z.string().max(24).optional(), rows: z.array(listRow).min(1).max(10) }))
        .min(1)
        .max(10)
        .refine((sections) => sections.flatMap((section) => section.rows).length <= 10, 'at most 10 rows in all'),
    }),
  }),
]);
const whatsappBody = z.object({
  messaging_product: z.literal('whatsapp'),
  to: z.string().min(1),
  type: z.enum(['text', 'template', 'interactive']),
  text: z.object({ body: z.string().min(1) }).optional(),
  interactive: interactive.optional(),
  template: z.object({ name: z.string(), language: z.object({ code: z.string() }) }).optional(),
});

/** The Graph API subset the Meta connector calls: comment replies, private replies, Send API, WhatsApp. */
export const handleGraphApi = (state: PlatformState, request: SimRequest): SimResponse | null => {
  if (request.method === 'GET') return readMention(state, request);
  if (request.method !== 'POST') return null;
  const match = /^(?:\/v\d+(?:\.\d+)?)?\/([^/]+)\/(comments|replies|messages)$/.exec(request.path);
  if (!match) return null;
  const [, objectId, edge] = match as unknown as [string, string, string];
  if (edge === 'messages') return sendMessage(state, objectId, request.body);
  const body = commentBody.safeParse(request.body);
  if (!body.success) return graphError(400, 100, '(#100) The parameter message is required');
  const platform: SentPlatform = edge === 'comments' ? 'facebook' : 'instagram';
  const externalId =
    edge === 'comments'
      ? `${objectId.split('_')[0]}_${9_000_000 + state.nextId()}`
      : String(18_000_000_000_000_000 + state.nextId());
  record(state, {
    platform,
    action: 'comment-reply',
    externalId,
    threadExternalId: threadOf(state, objectId),
    recipient: null,
    inReplyTo: objectId,
    text: body.data.message,
    body: request.body,
  });
  return json(200, { id: externalId });
};

const sendMessage = (state: PlatformState, accountId: string, rawBody: unknown): SimResponse => {
  if (
    accountId === state.accounts.whatsappPhoneId ||
    (rawBody as { messaging_product?: unknown })?.messaging_product === 'whatsapp'
  ) {
    return sendWhatsapp(state, rawBody);
  }
  const body = sendBody.safeParse(rawBody);
  if (!body.success)
    return graphError(400, 100, `(#100) ${body.error.issues[0]?.path.join('.')}: ${body.error.issues[0]?.message}`);
  if (body.data.messaging_type === 'MESSAGE_TAG' && body.data.tag === undefined)
    return graphError(400, 100, '(#100) tag is required');
  const platform: SentPlatform = accountId === state.accounts.instagramId ? 'instagram' : 'messenger';
  const recipient = body.data.recipient;
  const messageId = `m_sim_${state.nextId()}`;
  if ('id' in recipient) {
    record(state, {
      platform,
      action: 'message',
      externalId: messageId,
      threadExternalId: recipient.id,
      recipient: recipient.id,
      inReplyTo: null,
      text: body.data.message.text,
      body: rawBody,
    });
    return json(200, { recipient_id: recipient.id, message_id: messageId });
  }
  const commentId = 'comment_id' in recipient ? recipient.comment_id : recipient.post_id;
  // One private reply per comment or post, as on the real platform.
  if (state.privatelyAnswered.has(commentId)) return graphError(400, 10900, '(#10900) Activity already replied to');
  state.privatelyAnswered.add(commentId);
  record(state, {
    platform: platform === 'messenger' ? 'facebook' : platform,
    action: 'private-reply',
    externalId: messageId,
    threadExternalId: threadOf(state, commentId),
    recipient: commentId,
    inReplyTo: commentId,
    text: body.data.message.text,
    body: rawBody,
  });
  return json(200, { recipient_id: `psid_${commentId}`, message_id: messageId });
};

const sendWhatsapp = (state: PlatformState, rawBody: unknown): SimResponse => {
  const body = whatsappBody.safeParse(rawBody);
  if (!body.success)
    return graphError(400, 100, `(#100) ${body.error.issues[0]?.path.join('.')}: ${body.error.issues[0]?.message}`);
  const text = {
    text: body.data.text?.body,
    template: body.data.template?.name,
    interactive: body.data.interactive?.body.text,
  }[body.data.type];
  if (text === undefined) return graphError(400, 100, `(#100) ${body.data.type} object is required`);
  const wamid = `wamid.SIM${String(state.nextId()).padStart(12, '0')}`;
  record(state, {
    platform: 'whatsapp',
    action: body.data.type === 'template' ? 'template' : 'message',
    externalId: wamid,
    threadExternalId: body.data.to,
    recipient: body.data.to,
    inReplyTo: null,
    text,
    body: rawBody,
  });
  return json(200, {
    messaging_product: 'whatsapp',
    contacts: [{ input: body.data.to, wa_id: body.data.to }],
    messages: [{ id: wamid, message_status: 'accepted' }],
  });
};

/** `GET /{ig-user-id}?fields=mentioned_comment.comment_id(X){…}` or `mentioned_media.media_id(X){…}`. */
const readMention = (state: PlatformState, request: SimRequest): SimResponse | null => {
  const account = /^(?:\/v\d+(?:\.\d+)?)?\/(\d+)$/.exec(request.path)?.[1];
  const fields = /^mentioned_(comment|media)\.(?:comment|media)_id\(([^)]+)\)/.exec(request.query.get('fields') ?? '');
  if (account === undefined || fields === null) return null;
  const mention = state.instagramMentions.get(fields[2]!);
  if (mention === undefined) return graphError(400, 100, '(#100) Invalid parameter');
  const body =
    fields[1] === 'comment'
      ? { text: mention.text, username: mention.username, timestamp: mention.timestamp, id: fields[2] }
      : { caption: mention.text, username: mention.username, timestamp: mention.timestamp, id: fields[2] };
  return json(200, { [`mentioned_${fields[1]}`]: body, id: account });
};
