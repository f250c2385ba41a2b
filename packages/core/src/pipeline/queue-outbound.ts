import type { Message } from '../message/message.ts';
import { shapeReply } from '../reply/shape-reply.ts';
import type { Ticket } from '../ticket/ticket.ts';
import type { Visibility } from '../triage/triage.ts';
import type { PipelineRun } from './pipeline-run.ts';

export type OutboundPurpose = 'acknowledgement' | 'info-request' | 'auto-answer' | 'repeat-answer';

export interface OutboundDraft {
  ticket: Ticket;
  text: string;
  visibility: Visibility;
  purpose: OutboundPurpose;
}

const outboundMessage = (
  run: PipelineRun,
  draft: OutboundDraft,
  text: string,
  extra: Record<string, unknown>,
): Message => {
  const { message: inbound, channel, now } = run;
  const id = run.deps.ids.newId();
  const recipient = inbound.authorExternalId ?? inbound.authorHandle;
  // A private answer to a public post starts a new private conversation the connector opens.
  const staysInThread = draft.visibility === 'public' || inbound.visibility === 'private';
  return {
    id,
    workspaceId: run.workspaceId,
    channelId: channel.id,
    channelKind: channel.kind,
    direction: 'outbound',
    type: draft.visibility === 'public' ? 'reply' : inbound.channelKind === 'email' ? 'email' : 'direct',
    visibility: draft.visibility,
    // Placeholder until the platform assigns its id; unique per channel like the real one.
    externalId: `queued:${id}`,
    threadExternalId: staysInThread ? inbound.threadExternalId : `private:${recipient}`,
    inReplyToExternalId: staysInThread ? inbound.externalId : null,
    customerId: draft.ticket.customerId,
    ticketId: draft.ticket.id,
    authorAgentId: null,
    authorHandle: channel.handle ?? channel.name,
    text,
    language: draft.ticket.language,
    subject: inbound.subject === null ? null : `Re: ${inbound.subject}`,
    attachments: [],
    metadata: {
      ...extra,
      recipientExternalId: recipient,
      purpose: draft.purpose,
      isAutomated: true,
      privateReplyToExternalId: staysInThread ? null : inbound.externalId,
    },
    triage: null,
    ignoredReason: null,
    deliveryState: 'queued',
    deliveryError: null,
    receivedAt: now,
    createdAt: now,
  };
};

/**
 * Stores the bot's reply as queued messages (one per part when the channel needs a thread) and enqueues
 * an `outbound.send` job for each; both commit with the pipeline's transaction, so nothing is sent twice.
 */
export const queueOutbound = async (run: PipelineRun, draft: OutboundDraft): Promise<Message[]> => {
  const shaped = shapeReply({
    text: draft.text,
    channelKind: run.channel.kind,
    visibility: draft.visibility,
    lastCustomerMessageAt: run.message.receivedAt,
    now: run.now,
    overflow: 'split',
  });
  const queued: Message[] = [];
  const answerGroupId = run.deps.ids.newId();
  for (const [index, part] of shaped.parts.entries()) {
    const extra = { answerGroupId, part: index + 1, parts: shaped.parts.length, delivery: shaped.delivery.kind };
    const { message } = await run.deps.repos.messages.insertIdempotent(outboundMessage(run, draft, part, extra));
    await run.deps.repos.jobs.send(
      'outbound.send',
      { workspaceId: run.workspaceId, messageId: message.id },
      { singletonKey: message.id },
    );
    queued.push(message);
  }
  return queued;
};
