import { type Clock, ConnectorError, type OutboundMessage, type SendResult } from '@ascolta/core';
import { z } from 'zod';
import { callGraph } from './call-graph.ts';
import { assertPrivateReplyAllowed, isInsideStandardWindow, messagingTypeFor } from './messaging-window.ts';
import { type MetaOutboundMetadata, metaOutboundMetadata } from './meta-outbound-metadata.ts';

export type MetaChannelKind = 'facebook' | 'messenger' | 'instagram' | 'whatsapp';

export interface MetaSendTarget {
  kind: MetaChannelKind;
  /** Page id, Instagram account id or WhatsApp phone-number id. */
  accountId: string;
  accessToken: string;
  graphBaseUrl: string;
  clock: Clock;
}

const createdObject = z.object({ id: z.string() });
const sentMessage = z.object({ message_id: z.string() });
const sentWhatsapp = z.object({ messages: z.array(z.object({ id: z.string() })).min(1) });

/** Sends one reply through the Graph API endpoint that fits the channel and the reply's visibility. */
export const sendMetaMessage = async (target: MetaSendTarget, message: OutboundMessage): Promise<SendResult> => {
  const metadata = metaOutboundMetadata.parse(message.metadata);
  const externalId =
    message.visibility === 'public'
      ? await sendPublicReply(target, message)
      : await sendPrivate(target, message, metadata);
  return { externalId, threadExternalId: message.threadExternalId };
};

const sendPublicReply = async (target: MetaSendTarget, message: OutboundMessage): Promise<string> => {
  const commentId = message.inReplyToExternalId;
  if (target.kind !== 'facebook' && target.kind !== 'instagram') {
    throw new ConnectorError('permanent', `${target.kind} has no public replies`);
  }
  if (commentId === null) throw new ConnectorError('permanent', 'a public reply needs the post or comment it answers');
  // Facebook answers under `/comments`; Instagram comment replies go to `/replies`.
  const edge = target.kind === 'facebook' ? 'comments' : 'replies';
  const body = await callGraph(target.graphBaseUrl, `${commentId}/${edge}`, target.accessToken, {
    message: message.text,
  });
  return parseResponse(createdObject, body).id;
};

const sendPrivate = async (target: MetaSendTarget, message: OutboundMessage, metadata: MetaOutboundMetadata) => {
  const now = target.clock.now();
  if (target.kind === 'whatsapp') return sendWhatsapp(target, message, metadata, now);
  const isCommentReply = target.kind === 'facebook' || metadata.isPrivateReplyToComment;
  let recipient: Record<string, string>;
  let tagging: Record<string, string> = { messaging_type: 'RESPONSE' };
  if (isCommentReply) {
    if (message.inReplyToExternalId === null)
      throw new ConnectorError('permanent', 'a private reply needs the comment');
    assertPrivateReplyAllowed(metadata.commentCreatedAt, now);
    recipient = metadata.isReplyToPost
      ? { post_id: message.inReplyToExternalId }
      : { comment_id: message.inReplyToExternalId };
  } else {
    recipient = { id: message.recipientExternalId };
    tagging = messagingTypeFor(metadata.lastCustomerMessageAt, now, metadata.isAutomated);
  }
  const options = isCommentReply ? [] : metadata.quickReplies;
  const quickReplies = options.map(({ title, payload }) => ({ content_type: 'text', title, payload }));
  const body = { text: message.text, ...(quickReplies.length > 0 ? { quick_replies: quickReplies } : {}) };
  const payload = { recipient, ...tagging, message: body };
  const sent = await callGraph(target.graphBaseUrl, `${target.accountId}/messages`, target.accessToken, payload);
  return parseResponse(sentMessage, sent).message_id;
};

const sendWhatsapp = async (
  target: MetaSendTarget,
  message: OutboundMessage,
  metadata: MetaOutboundMetadata,
  now: Date,
) => {
  const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to: message.recipientExternalId };
  let payload: Record<string, unknown>;
  if (metadata.template !== undefined) {
    const { name, languageCode, parameters } = metadata.template;
    const components =
      parameters.length === 0 ? [] : [{ type: 'body', parameters: parameters.map((text) => ({ type: 'text', text })) }];
    payload = {
      ...envelope,
      type: 'template',
      template: { name, language: { code: languageCode, policy: 'deterministic' }, components },
    };
  } else if (isInsideStandardWindow(metadata.lastCustomerMessageAt, now)) {
    payload =
      metadata.quickReplies.length > 0 && metadata.quickReplies.length <= whatsappListRows
        ? { ...envelope, type: 'interactive', interactive: whatsappInteractive(message.text, metadata) }
        : { ...envelope, type: 'text', text: { preview_url: false, body: message.text } };
  } else {
    throw new ConnectorError('permanent', 'outside the 24-hour WhatsApp window: send an approved template');
  }
  const body = await callGraph(target.graphBaseUrl, `${target.accountId}/messages`, target.accessToken, payload);
  return parseResponse(sentWhatsapp, body).messages[0]!.id;
};

const whatsappButtons = 3;
const whatsappListRows = 10;

/** Up to three reply buttons, else a list (`send-interactive-buttons-request.doc.json`); ids come back in the reply. */
const whatsappInteractive = (text: string, metadata: MetaOutboundMetadata): Record<string, unknown> => {
  const options = metadata.quickReplies;
  const body = { text };
  if (options.length <= whatsappButtons) {
    const buttons = options.map(({ payload, title }) => ({ type: 'reply', reply: { id: payload, title } }));
    return { type: 'button', body, action: { buttons } };
  }
  const rows = options.map(({ payload, title }) => ({ id: payload, title }));
  return { type: 'list', body, action: { button: metadata.quickRepliesLabel, sections: [{ rows }] } };
};

const parseResponse = <T>(schema: z.ZodType<T>, body: unknown): T => {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new ConnectorError('temporary', `unexpected Graph API response: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
};
