import type { Message, OutboundMessage } from '@ascolta/core';
import { z } from 'zod';

/** The keys the pipeline and the reply use cases put on a queued outbound message. */
const queuedMetadata = z.object({
  recipientExternalId: z.string().min(1).optional(),
  privateReplyToExternalId: z.string().min(1).nullable().optional(),
  isAutomated: z.boolean().optional(),
});

/**
 * Turns a stored, queued outbound message into what a connector sends. `answered` is the customer's
 * message it replies to, when known: it gives the e-mail References and the messaging window's start.
 */
export const toOutboundMessage = (message: Message, answered: Message | null): OutboundMessage => {
  const queued = queuedMetadata.parse(message.metadata);
  const privateReplyTo = queued.privateReplyToExternalId ?? null;
  const isAutomated = queued.isAutomated ?? message.authorAgentId === null;
  const metadata: Record<string, unknown> = {
    ...message.metadata,
    isAutomated,
    // E-mail: RFC 3834 marks bot replies so other auto-responders stay quiet.
    isAutomatic: isAutomated,
    // Instagram answers a comment privately only through its own edge; Facebook always does for comments.
    isPrivateReplyToComment: privateReplyTo !== null && message.channelKind === 'instagram',
    isReplyToPost: privateReplyTo !== null && answered?.type === 'post',
  };
  if (answered !== null) {
    metadata.lastCustomerMessageAt = answered.receivedAt;
    if (privateReplyTo !== null) metadata.commentCreatedAt = answered.receivedAt;
    const references = z.array(z.string()).safeParse(answered.metadata.references);
    if (references.success) metadata.references = references.data;
  }
  return {
    channelKind: message.channelKind,
    visibility: message.visibility,
    inReplyToExternalId: privateReplyTo ?? message.inReplyToExternalId,
    threadExternalId: message.threadExternalId,
    recipientExternalId: queued.recipientExternalId ?? answered?.authorExternalId ?? answered?.authorHandle ?? '',
    text: message.text,
    subject: message.subject,
    metadata,
  };
};
