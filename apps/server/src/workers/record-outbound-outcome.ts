import {
  type Channel,
  type ChannelHealth,
  ConnectorError,
  type Message,
  type Repositories,
  type SendResult,
} from '@ascolta/core';
import { backoffSeconds, maxAttempts } from './backoff-seconds.ts';
import { errorText } from './error-text.ts';
import { failOutboundMessage } from './fail-outbound-message.ts';
import { withSendState } from './outbound-send-state.ts';
import type { WorkerContext } from './worker-context.ts';

/** Replies that answer the customer stop the first-response clock; acknowledgements and questions do not. */
const answeringPurposes: ReadonlySet<unknown> = new Set(['auto-answer', 'repeat-answer']);

const healthy: ChannelHealth = { state: 'ok', lastError: null, lastErrorAt: null, retryAfter: null };

/** Stores what the platform said: its id, `sent`, the `message.sent` event, the ticket's first response. */
export const recordSent = (context: WorkerContext, claimed: Message, channel: Channel, result: SendResult) =>
  context.store.transaction(async (repos) => {
    const now = context.clock.now();
    const sent: Message = {
      ...withSendState(claimed, { sendStartedAt: null, sentAt: now.toISOString() }),
      externalId: result.externalId,
      threadExternalId: result.threadExternalId,
      deliveryState: 'sent',
      deliveryError: null,
    };
    await repos.messages.updateSent(sent);
    const isAutomated = claimed.authorAgentId === null;
    await repos.events.append([
      {
        id: context.ids.newId(),
        workspaceId: claimed.workspaceId,
        occurredAt: now,
        actor: isAutomated ? { type: 'system' } : { type: 'agent', agentId: claimed.authorAgentId ?? '' },
        ticketId: claimed.ticketId,
        customerId: claimed.customerId,
        type: 'message.sent',
        data: {
          messageId: claimed.id,
          channelId: claimed.channelId,
          isAutomated,
          ...(typeof claimed.metadata.purpose === 'string' ? { purpose: claimed.metadata.purpose } : {}),
        },
      },
    ]);
    if (!isAutomated || answeringPurposes.has(claimed.metadata.purpose)) await markFirstResponse(repos, sent, now);
    if (channel.health.state !== 'ok') await repos.channels.updateHealth(channel.workspaceId, channel.id, healthy);
  });

const markFirstResponse = async (repos: Repositories, message: Message, now: Date) => {
  if (message.ticketId === null) return;
  const ticket = await repos.tickets.get(message.workspaceId, message.ticketId);
  if (ticket === null || ticket.firstResponseAt !== null) return;
  await repos.tickets.update({ ...ticket, firstResponseAt: now, updatedAt: now });
};

/**
 * Maps a failed send to what happens next: temporary → retry with backoff; rate-limited → retry when the
 * platform allows, channel marked; auth-expired → channel marked, message failed; permanent → failed.
 */
export const recordSendFailure = (
  context: WorkerContext,
  claimed: Message,
  channel: Channel,
  attempt: number,
  error: unknown,
) =>
  context.store.transaction(async (repos) => {
    const now = context.clock.now();
    const reason = errorText(error);
    // Anything a connector did not classify (a bug, a dropped socket) is worth another try.
    const failure = error instanceof ConnectorError ? error.failure : 'temporary';
    const ref = { workspaceId: claimed.workspaceId, messageId: claimed.id };
    const health = (state: ChannelHealth['state'], retryAfter: Date | null = null): ChannelHealth => ({
      state,
      lastError: reason,
      lastErrorAt: now,
      retryAfter,
    });
    if (failure === 'rate-limited') {
      const waitSeconds = (error instanceof ConnectorError ? error.retryAfterSeconds : null) ?? 60;
      const retryAfter = new Date(now.getTime() + waitSeconds * 1000);
      await repos.channels.updateHealth(channel.workspaceId, channel.id, health('rate-limited', retryAfter));
      // Waiting for the platform's window is not the message's fault: it does not use up an attempt.
      await repos.messages.update(withSendState(claimed, { sendStartedAt: null, sendAttempts: attempt - 1 }));
      await repos.jobs.send('outbound.send', ref, { startAfter: retryAfter, singletonKey: claimed.id });
    } else if (failure === 'temporary' && attempt < maxAttempts) {
      await repos.messages.update(withSendState(claimed, { sendStartedAt: null, lastSendError: reason }));
      const startAfter = new Date(now.getTime() + backoffSeconds(attempt) * 1000);
      await repos.jobs.send('outbound.send', ref, { startAfter, singletonKey: claimed.id });
    } else {
      if (failure === 'auth-expired') {
        await repos.channels.updateHealth(channel.workspaceId, channel.id, health('auth-expired'));
      }
      await failOutboundMessage(context, repos, claimed, reason);
    }
  });
