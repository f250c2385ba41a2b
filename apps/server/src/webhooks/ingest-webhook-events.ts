import type {
  Channel,
  ChannelKind,
  Clock,
  DeliveryState,
  IdGenerator,
  InboundMessage,
  Message,
  Repositories,
  Store,
  WebhookEvent,
} from '@ascolta/core';

/** What one delivery did; returned to the platform as the 200 body and logged. */
export interface IngestSummary {
  stored: number;
  duplicates: number;
  statuses: number;
  ignored: string[];
}

export interface IngestContext {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  /** Channel kinds a delivery status of this platform may belong to, tried in order. */
  statusKinds: readonly ChannelKind[];
}

const stateRank: Record<DeliveryState, number> = { received: 0, queued: 0, sent: 1, delivered: 2, read: 3, failed: 1 };

/**
 * Stores a delivery in one transaction: each new message once (unique channel + external id, so a replay
 * is a no-op) with its `message.received` event and `inbound.process` job; delivery statuses move our
 * outbound messages forward, never back. Unknown accounts are reported as ignored, not failed.
 */
export const ingestWebhookEvents = (context: IngestContext, events: readonly WebhookEvent[]): Promise<IngestSummary> =>
  context.store.transaction(async (tx) => {
    const summary: IngestSummary = { stored: 0, duplicates: 0, statuses: 0, ignored: [] };
    for (const event of events) {
      if (event.kind === 'ignored') {
        summary.ignored.push(event.reason);
      } else if (event.kind === 'message') {
        const channel = await activeChannel(tx, event.message.channelKind, event.accountExternalId);
        if (channel === null)
          summary.ignored.push(`no active ${event.message.channelKind} channel for account ${event.accountExternalId}`);
        else if (await storeMessage(tx, context, channel, event.message)) summary.stored += 1;
        else summary.duplicates += 1;
      } else if (await applyStatus(tx, context.statusKinds, event)) summary.statuses += 1;
      else summary.ignored.push(`delivery status for unknown message ${event.externalId}`);
    }
    return summary;
  });

const activeChannel = async (tx: Repositories, kind: ChannelKind, account: string | null): Promise<Channel | null> => {
  if (account === null) return null;
  const channel = await tx.channels.findByExternalAccount(kind, account);
  return channel?.isActive ? channel : null;
};

const storeMessage = async (tx: Repositories, context: IngestContext, channel: Channel, inbound: InboundMessage) => {
  const now = context.clock.now();
  const message: Message = {
    ...inbound,
    id: context.ids.newId(),
    workspaceId: channel.workspaceId,
    channelId: channel.id,
    direction: 'inbound',
    customerId: null,
    ticketId: null,
    authorAgentId: null,
    triage: null,
    ignoredReason: null,
    deliveryState: 'received',
    deliveryError: null,
    createdAt: now,
  };
  const { message: stored, isNew } = await tx.messages.insertIdempotent(message);
  if (!isNew) return false;
  await tx.events.append([
    {
      id: context.ids.newId(),
      workspaceId: channel.workspaceId,
      occurredAt: now,
      actor: { type: 'system' },
      ticketId: null,
      customerId: null,
      type: 'message.received',
      data: { messageId: stored.id, channelId: channel.id },
    },
  ]);
  await tx.jobs.send(
    'inbound.process',
    { workspaceId: channel.workspaceId, messageId: stored.id },
    { singletonKey: stored.id },
  );
  return true;
};

const applyStatus = async (
  tx: Repositories,
  kinds: readonly ChannelKind[],
  event: Extract<WebhookEvent, { kind: 'delivery-status' }>,
): Promise<boolean> => {
  for (const kind of kinds) {
    const channel = await activeChannel(tx, kind, event.accountExternalId);
    const message = channel === null ? null : await tx.messages.findByExternalId(channel.id, event.externalId);
    if (message === null || message.direction !== 'outbound') continue;
    // Statuses arrive out of order: a late "delivered" must not undo "read", and "failed" cannot follow delivery.
    if (
      stateRank[event.state] > stateRank[message.deliveryState] ||
      (event.state === 'failed' && message.deliveryState === 'sent')
    ) {
      await tx.messages.update({ ...message, deliveryState: event.state, deliveryError: event.error });
    }
    return true;
  }
  return false;
};
