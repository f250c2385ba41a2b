import { type Channel, ConnectorError, type JobHandler, type PullResult, type WebhookEvent } from '@ascolta/core';
import { buildChannelConnector } from '../channels/build-channel-connector.ts';
import { isPolledChannel } from '../channels/is-polled-channel.ts';
import { ingestWebhookEvents } from '../webhooks/ingest-webhook-events.ts';
import { errorText } from './error-text.ts';
import type { WorkerContext } from './worker-context.ts';

interface PollMemory {
  cursor: string | null;
  lastPolledAt: number;
}

const eventsOf = (channel: Channel, pulled: PullResult & { events?: readonly WebhookEvent[] }): WebhookEvent[] =>
  pulled.events !== undefined
    ? [...pulled.events]
    : pulled.messages.map((message) => ({ kind: 'message', accountExternalId: channel.externalAccountId, message }));

/**
 * `channel.poll`: pulls new messages of an X account or IMAP mailbox into the same idempotent ingest as
 * webhooks, then schedules the next poll. Cursors live in this process only: after a restart the first
 * pull starts over, which ingest makes harmless (X replays its latest page, IMAP reads unseen mail).
 */
export const pollChannelJob = (context: WorkerContext): JobHandler<'channel.poll'> => {
  const memory = new Map<string, PollMemory>();
  const ingest = { store: context.store, clock: context.clock, ids: context.ids };
  return async (job) => {
    const { workspaceId, channelId } = job.data;
    const channel = await context.store.channels.get(workspaceId, channelId);
    if (channel === null || !isPolledChannel(channel)) return;
    const now = context.clock.now().getTime();
    const intervalMs = context.pollIntervalSeconds * 1000;
    const remembered = memory.get(channelId) ?? { cursor: null, lastPolledAt: 0 };
    // Two chains of poll jobs for one channel (a restart re-seeds them) collapse into one here.
    if (now - remembered.lastPolledAt < intervalMs * 0.9) return;
    let nextAt = new Date(now + intervalMs);
    const built = buildChannelConnector(channel, context.endpoints);
    try {
      const pulled = await built.connector.pull?.(remembered.cursor);
      if (pulled !== undefined) {
        await ingestWebhookEvents({ ...ingest, statusKinds: [channel.kind] }, eventsOf(channel, pulled));
        memory.set(channelId, { cursor: pulled.cursor, lastPolledAt: now });
      }
    } catch (error) {
      memory.set(channelId, { ...remembered, lastPolledAt: now });
      nextAt = await recordPollFailure(context, channel, error, nextAt);
    } finally {
      built.close();
    }
    await context.store.jobs.send('channel.poll', job.data, { startAfter: nextAt, singletonKey: `poll:${channelId}` });
  };
};

const recordPollFailure = async (context: WorkerContext, channel: Channel, error: unknown, nextAt: Date) => {
  const now = context.clock.now();
  const reason = errorText(error);
  context.log(`channel.poll: ${channel.name}: ${reason}`);
  if (!(error instanceof ConnectorError) || error.failure === 'temporary' || error.failure === 'permanent') {
    return nextAt;
  }
  const retryAfter =
    error.failure === 'rate-limited' ? new Date(now.getTime() + (error.retryAfterSeconds ?? 900) * 1000) : null;
  const state = error.failure === 'rate-limited' ? 'rate-limited' : 'auth-expired';
  await context.store.channels.updateHealth(channel.workspaceId, channel.id, {
    state,
    lastError: reason,
    lastErrorAt: now,
    retryAfter,
  });
  return retryAfter !== null && retryAfter > nextAt ? retryAfter : nextAt;
};
