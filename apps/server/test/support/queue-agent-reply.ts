import { randomUUID } from 'node:crypto';
import type { Message, Store } from '@ascolta/core';

/**
 * What the reply use case does for an agent's answer, done by hand until its endpoint exists: the queued
 * outbound message and its `outbound.send` job, in one transaction.
 */
export const queueAgentReply = async (store: Store, inbound: Message, agentId: string, text: string) => {
  const id = randomUUID();
  const now = new Date();
  const reply: Message = {
    ...inbound,
    id,
    direction: 'outbound',
    type: inbound.visibility === 'public' ? 'reply' : inbound.channelKind === 'email' ? 'email' : 'direct',
    externalId: `queued:${id}`,
    inReplyToExternalId: inbound.externalId,
    authorAgentId: agentId,
    authorHandle: 'agent',
    text,
    subject: inbound.subject === null ? null : `Re: ${inbound.subject}`,
    attachments: [],
    metadata: {
      recipientExternalId: inbound.authorExternalId ?? inbound.authorHandle,
      purpose: 'agent-reply',
      isAutomated: false,
    },
    triage: null,
    ignoredReason: null,
    deliveryState: 'queued',
    deliveryError: null,
    receivedAt: now,
    createdAt: now,
  };
  await store.transaction(async (tx) => {
    await tx.messages.insertIdempotent(reply);
    await tx.jobs.send('outbound.send', { workspaceId: inbound.workspaceId, messageId: id }, { singletonKey: id });
  });
  return reply;
};
