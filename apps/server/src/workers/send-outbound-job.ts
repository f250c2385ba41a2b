import type { JobHandler, SendResult } from '@ascolta/core';
import { type BuiltConnector, buildChannelConnector } from '../channels/build-channel-connector.ts';
import { claimOutboundSend, type OutboundClaim } from './claim-outbound-send.ts';
import { createConversationQueue } from './conversation-queue.ts';
import { errorText } from './error-text.ts';
import { recordSendFailure, recordSent } from './record-outbound-outcome.ts';
import { toOutboundMessage } from './to-outbound-message.ts';
import type { WorkerContext } from './worker-context.ts';

/**
 * `outbound.send`: claim (attempt recorded and committed), call the platform, record the outcome. Only the
 * call itself sits outside a transaction; docs/adr/0006-pipeline-runtime.md describes the window it leaves.
 */
export const sendOutboundJob = (context: WorkerContext): JobHandler<'outbound.send'> => {
  const inOrder = createConversationQueue();
  return async (job) => {
    const claim = await claimOutboundSend(context, job.data);
    if (claim.kind === 'skip') return;
    // Sends of one batch run at once; two replies in one conversation still reach the platform in claim order.
    await inOrder(claim.message.ticketId ?? claim.message.id, () => send(context, claim));
  };
};

const send = async (context: WorkerContext, claim: Extract<OutboundClaim, { kind: 'send' }>) => {
  const { message, channel, answered, attempt } = claim;
  let built: BuiltConnector | null = null;
  let result: SendResult;
  try {
    built = buildChannelConnector(channel, context.endpoints, { sendKey: message.id });
    result = await built.connector.send(toOutboundMessage(message, answered));
  } catch (error) {
    await recordSendFailure(context, message, channel, attempt, error);
    return;
  } finally {
    built?.close();
  }
  // The platform has it now: a failure to record that must never lead to a second send, so it is retried
  // here once; if it still fails the job fails and the next attempt finds the send in doubt.
  await recordSent(context, message, channel, result).catch((error: unknown) => {
    context.log(`outbound.send: message ${message.id} was sent but not recorded, retrying: ${errorText(error)}`);
    return recordSent(context, message, channel, result);
  });
};
