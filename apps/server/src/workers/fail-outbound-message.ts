import type { Message, Repositories } from '@ascolta/core';
import { withSendState } from './outbound-send-state.ts';
import type { WorkerContext } from './worker-context.ts';

/** Marks an outbound message failed, visibly: its state and error, and a `message.failed` event. */
export const failOutboundMessage = async (
  context: WorkerContext,
  repos: Repositories,
  message: Message,
  reason: string,
): Promise<void> => {
  await repos.messages.update({
    ...withSendState(message, { sendStartedAt: null }),
    deliveryState: 'failed',
    deliveryError: reason,
  });
  await repos.events.append([
    {
      id: context.ids.newId(),
      workspaceId: message.workspaceId,
      occurredAt: context.clock.now(),
      actor: { type: 'system' },
      ticketId: message.ticketId,
      customerId: message.customerId,
      type: 'message.failed',
      data: { messageId: message.id, error: reason },
    },
  ]);
  context.log(`outbound.send: message ${message.id} failed: ${reason}`);
};
