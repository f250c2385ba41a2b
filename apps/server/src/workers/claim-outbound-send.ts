import type { Channel, JobPayloads, Message, Repositories } from '@ascolta/core';
import { failOutboundMessage } from './fail-outbound-message.ts';
import { sendStateOf, withSendState } from './outbound-send-state.ts';
import type { WorkerContext } from './worker-context.ts';

export type OutboundClaim =
  | { kind: 'skip' }
  | { kind: 'send'; message: Message; channel: Channel; answered: Message | null; attempt: number };

/**
 * Decides, in one transaction, whether this job may call the platform, and records the attempt before it
 * does. Already sent or failed: nothing to do. A previous attempt that never recorded its outcome is in
 * doubt: e-mail repeats it under the same Message-ID (clients show it once); platforms without an
 * idempotency key get the message marked failed rather than risk a duplicate reply.
 */
export const claimOutboundSend = (context: WorkerContext, ref: JobPayloads['outbound.send']): Promise<OutboundClaim> =>
  context.store.transaction(async (repos) => {
    const message = await repos.messages.get(ref.workspaceId, ref.messageId);
    if (message === null || message.direction !== 'outbound' || message.deliveryState !== 'queued') {
      return { kind: 'skip' };
    }
    const channel = await repos.channels.get(ref.workspaceId, message.channelId);
    if (channel === null || !channel.isActive) {
      await failOutboundMessage(context, repos, message, 'the channel no longer exists or is inactive');
      return { kind: 'skip' };
    }
    const now = context.clock.now();
    const { retryAfter } = channel.health;
    if (channel.health.state === 'rate-limited' && retryAfter !== null && retryAfter > now) {
      // The platform asked us to wait: sending now would only earn another 429.
      await repos.jobs.send('outbound.send', ref, { startAfter: retryAfter, singletonKey: message.id });
      return { kind: 'skip' };
    }
    const state = sendStateOf(message);
    if (state.sendStartedAt !== null && channel.kind !== 'email') {
      const reason = `sending was interrupted at ${state.sendStartedAt}; ${channel.kind} may have it: check before resending`;
      await failOutboundMessage(context, repos, message, reason);
      return { kind: 'skip' };
    }
    const attempt = state.sendAttempts + 1;
    const claimed = withSendState(message, { sendAttempts: attempt, sendStartedAt: now.toISOString() });
    await repos.messages.update(claimed);
    return { kind: 'send', message: claimed, channel, answered: await answeredBy(repos, message), attempt };
  });

const answeredBy = async (repos: Repositories, message: Message): Promise<Message | null> => {
  const privateReplyTo = message.metadata.privateReplyToExternalId;
  const externalId = typeof privateReplyTo === 'string' ? privateReplyTo : message.inReplyToExternalId;
  return externalId === null ? null : repos.messages.findByExternalId(message.channelId, externalId);
};
