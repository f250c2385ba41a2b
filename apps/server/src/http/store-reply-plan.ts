import type { AgentReplyPlan, Clock, IdGenerator, Repositories } from '@ascolta/core';
import { appendEvents } from './append-events.ts';

/** Writes a planned reply inside the caller's transaction: queued messages, one send job each, ticket, events. */
export const storeReplyPlan = async (
  tx: Repositories,
  plan: AgentReplyPlan,
  clock: Clock,
  ids: IdGenerator,
): Promise<void> => {
  for (const message of plan.messages) {
    await tx.messages.insertIdempotent(message);
    await tx.jobs.send(
      'outbound.send',
      { workspaceId: message.workspaceId, messageId: message.id },
      { singletonKey: message.id },
    );
  }
  await tx.tickets.update(plan.ticket);
  await appendEvents(tx, plan.events, clock, ids);
};
