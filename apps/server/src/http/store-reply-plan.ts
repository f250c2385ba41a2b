import type { AgentReplyPlan, Clock, IdGenerator, Message, Repositories } from '@ascolta/core';
import { appendEvents } from './append-events.ts';

/** Stores queued outbound messages inside the caller's transaction, with one `outbound.send` job each. */
export const queueOutboundMessages = async (tx: Repositories, messages: readonly Message[]): Promise<void> => {
  for (const message of messages) {
    await tx.messages.insertIdempotent(message);
    await tx.jobs.send(
      'outbound.send',
      { workspaceId: message.workspaceId, messageId: message.id },
      { singletonKey: message.id },
    );
  }
};

/** Writes a planned reply inside the caller's transaction: queued messages, one send job each, ticket, events. */
export const storeReplyPlan = async (
  tx: Repositories,
  plan: AgentReplyPlan,
  clock: Clock,
  ids: IdGenerator,
): Promise<void> => {
  await queueOutboundMessages(tx, plan.messages);
  await tx.tickets.update(plan.ticket);
  await appendEvents(tx, plan.events, clock, ids);
};
