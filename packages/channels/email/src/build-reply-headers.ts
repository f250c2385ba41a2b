import type { OutboundMessage } from '@ascolta/core';
import { z } from 'zod';
import { normaliseMessageId } from './thread-of-email.ts';

/** What an outbound e-mail may carry in `metadata`: the inbound message's references, copied by the reply use case. */
export const emailReplyMetadata = z.object({
  references: z.array(z.string()).optional(),
  /** Set for replies the bot wrote, so other auto-responders do not answer them (RFC 3834). */
  isAutomatic: z.boolean().optional(),
});

export interface ReplyHeaders {
  subject: string;
  inReplyTo: string | null;
  /** Oldest first: the thread root, the customer's references, then the message answered. */
  references: string[];
  isAutomatic: boolean;
}

const replyPrefixes = /^\s*((re|r|aw|sv|rif)\s*(\[\d+\])?\s*:\s*)+/i;

/** Threads a reply the way mail clients do, so it lands in the customer's conversation. */
export function buildReplyHeaders(message: OutboundMessage): ReplyHeaders {
  const metadata = emailReplyMetadata.safeParse(message.metadata);
  const known = metadata.success ? metadata.data : {};
  const inReplyTo = message.inReplyToExternalId === null ? null : normaliseMessageId(message.inReplyToExternalId);
  const root = message.threadExternalId.includes('@') ? [normaliseMessageId(message.threadExternalId)] : [];
  const chain = [
    ...root,
    ...(known.references ?? []).map(normaliseMessageId),
    ...(inReplyTo === null ? [] : [inReplyTo]),
  ];
  return {
    subject: replySubject(message.subject, inReplyTo !== null),
    inReplyTo,
    references: [...new Set(chain)],
    isAutomatic: known.isAutomatic ?? false,
  };
}

function replySubject(subject: string | null, isReply: boolean): string {
  const topic = (subject ?? '').replace(replyPrefixes, '').trim();
  if (!isReply) return topic === '' ? '(no subject)' : topic;
  return topic === '' ? 'Re:' : `Re: ${topic}`;
}
