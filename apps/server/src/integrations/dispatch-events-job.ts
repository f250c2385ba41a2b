import {
  type CrmConnection,
  type DomainEvent,
  type IntegrationRepositories,
  isWebhookEventType,
  type JobHandler,
  type Repositories,
  takeContiguousEvents,
  type WebhookEndpoint,
} from '@ascolta/core';
import type { IntegrationContext } from './integration-context.ts';

/** The event-log reader's name in `event_cursors`. */
export const integrationsConsumer = 'integrations';
const batchSize = 500;

type StoredEvent = DomainEvent & { sequence: number };
type Tx = Repositories & IntegrationRepositories;

interface Consumers {
  endpoints: WebhookEndpoint[];
  crm: CrmConnection | null;
}

const loadConsumers = async ({ integrations }: IntegrationContext, workspaceId: string): Promise<Consumers> => {
  const [endpoints, crm] = await Promise.all([
    integrations.webhookEndpoints.list(workspaceId),
    integrations.crm.getConnection(workspaceId),
  ]);
  return {
    endpoints: endpoints.filter((endpoint) => endpoint.isActive),
    crm: crm !== null && crm.isEnabled && crm.lookupUrl !== null ? crm : null,
  };
};

/** No event at or before this sequence is wanted by anyone listening now. */
const firstWantedAfter = ({ endpoints, crm }: Consumers): number =>
  Math.min(...endpoints.map((endpoint) => endpoint.startSequence), crm?.startSequence ?? Number.POSITIVE_INFINITY);

const queueDeliveries = async (context: IntegrationContext, tx: Tx, event: StoredEvent, consumers: Consumers) => {
  if (!isWebhookEventType(event.type)) return;
  const eventType = event.type;
  for (const endpoint of consumers.endpoints) {
    if (event.sequence <= endpoint.startSequence || !endpoint.eventTypes.includes(eventType)) continue;
    const now = context.clock.now();
    const delivery = {
      id: context.ids.newId(),
      workspaceId: event.workspaceId,
      endpointId: endpoint.id,
      eventId: event.id,
      eventSequence: event.sequence,
      eventType,
      status: 'pending' as const,
      attemptCount: 0,
      roundAttempts: 0,
      lastStatusCode: null,
      lastError: null,
      lastAttemptAt: null,
      nextAttemptAt: now,
      succeededAt: null,
      createdAt: now,
      updatedAt: now,
    };
    if (!(await tx.webhookDeliveries.insertIfAbsent(delivery))) continue;
    const payload = { workspaceId: event.workspaceId, eventId: event.id, endpointId: endpoint.id };
    await tx.jobs.send('webhook.deliver', payload, { singletonKey: `webhook:${delivery.id}` });
  }
};

const queueCrmLookup = async (tx: Tx, event: StoredEvent, crm: CrmConnection | null) => {
  if (crm === null || event.sequence <= crm.startSequence || event.customerId === null) return;
  if (event.type !== 'customer.created' && event.type !== 'customer.linked') return;
  const payload = { workspaceId: event.workspaceId, customerId: event.customerId };
  // One queued look-up per customer: a burst of links asks the CRM once.
  await tx.jobs.send('crm.enrich', payload, { singletonKey: `crm:${event.customerId}` });
};

/**
 * Reads the workspace's events after the stored cursor, in sequence order, and queues what the integrations
 * need: one webhook delivery per subscribed endpoint and event (unique), CRM look-ups for new or newly linked
 * customers. Deliveries, jobs and the moved cursor commit together. Returns whether a full batch was read.
 */
export const dispatchEvents = async (context: IntegrationContext, workspaceId: string): Promise<boolean> => {
  const consumers = await loadConsumers(context, workspaceId);
  if (consumers.endpoints.length === 0 && consumers.crm === null) return false;
  return context.integrations.transaction(async (tx) => {
    const now = context.clock.now();
    const wantedAfter = firstWantedAfter(consumers);
    const cursor = await tx.eventCursors.lock(integrationsConsumer, workspaceId, wantedAfter, now);
    const from = Math.max(cursor.lastSequence, wantedAfter);
    const events = await tx.events.list({ workspaceId, afterSequence: from, limit: batchSize });
    const sequences = events.map((event) => event.sequence);
    const gapSeenAt = from === cursor.lastSequence ? cursor.gapSeenAt : null;
    const take = takeContiguousEvents(from, sequences, gapSeenAt, now, context.timing.sequenceGapGraceMs);
    const taken = events.slice(0, take.count);
    for (const event of taken) {
      await queueDeliveries(context, tx, event, consumers);
      await queueCrmLookup(tx, event, consumers.crm);
    }
    const lastSequence = taken.at(-1)?.sequence ?? from;
    await tx.eventCursors.save({ ...cursor, lastSequence, gapSeenAt: take.gapSeenAt, updatedAt: now });
    return events.length === batchSize && take.count === events.length;
  });
};

/** The `events.dispatch` job: one pass, then the next pass of the same workspace is queued. */
export const dispatchEventsJob =
  (context: IntegrationContext): JobHandler<'events.dispatch'> =>
  async ({ data }) => {
    let hasMore = false;
    try {
      hasMore = await dispatchEvents(context, data.workspaceId);
    } catch (error) {
      // Not rethrown: the chain below must go on, and nothing was committed, so the next pass redoes this one.
      context.log(`events.dispatch ${data.workspaceId}: ${error instanceof Error ? error.message : String(error)}`);
    }
    // A full batch means more is waiting: go again at once.
    const startAfter = new Date(context.clock.now().getTime() + (hasMore ? 0 : context.timing.dispatchIntervalMs));
    await context.store.jobs.send('events.dispatch', data, { startAfter, singletonKey: dispatchKey(data.workspaceId) });
  };

export const dispatchKey = (workspaceId: string): string => `events.dispatch:${workspaceId}`;
