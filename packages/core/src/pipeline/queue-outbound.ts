import { draftReplyMessage } from '../message/draft-reply-message.ts';
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
): Message =>
  draftReplyMessage({
    id: run.deps.ids.newId(),
    now: run.now,
    channel: run.channel,
    answering: run.message,
    ticket: draft.ticket,
    visibility: draft.visibility,
    text,
    authorAgentId: null,
    metadata: { ...extra, purpose: draft.purpose, isAutomated: true },
  });

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
