import {
  type CrmConnection,
  type DomainEvent,
  type IntegrationRepositories,
  isWebhookEventType,
  type JobHandler,
  type QueuedJob,
  type Repositories,
  takeContiguousEvents,
  type WebhookDelivery,
  type WebhookEndpoint,
} from '@ascolta/core';
import type { IntegrationContext } from './integration-context.ts';

/** The event-log reader's name in `event_cursors`. */
export const integrationsConsumer = 'integrations';
const batchSize = 500;
// Sequences of all workspaces checked for holes per pass; the cursor advances at most this far.
const globalSequenceLimit = 5000;
// Rows per multi-row statement: well under PostgreSQL's 65 535 parameters (16 columns a delivery).
const insertChunk = 1000;

type StoredEvent = DomainEvent & { sequence: number };
type Tx = Repositories & IntegrationRepositories;

interface Consumers {
  endpoints: WebhookEndpoint[];
  crm: CrmConnection | null;
}

const loadConsumers = async (
  repos: Pick<IntegrationRepositories, 'webhookEndpoints' | 'crm'>,
  workspaceId: string,
): Promise<Consumers> => {
  const [endpoints, crm] = await Promise.all([
    repos.webhookEndpoints.list(workspaceId),
    repos.crm.getConnection(workspaceId),
  ]);
  return {
    endpoints: endpoints.filter((endpoint) => endpoint.isActive),
    crm: crm?.isEnabled && crm.lookupUrl !== null ? crm : null,
  };
};

/** No event at or before this sequence is wanted by anyone listening now. */
const firstWantedAfter = ({ endpoints, crm }: Consumers): number =>
  Math.min(...endpoints.map((endpoint) => endpoint.startSequence), crm?.startSequence ?? Number.POSITIVE_INFINITY);

/** One delivery per subscribed endpoint of each event the endpoint did not predate. */
const deliveriesFor = (context: IntegrationContext, events: readonly StoredEvent[], consumers: Consumers) => {
  const now = context.clock.now();
  return events.flatMap((event) => {
    const eventType = event.type;
    if (!isWebhookEventType(eventType)) return [];
    return consumers.endpoints
      .filter((endpoint) => event.sequence > endpoint.startSequence && endpoint.eventTypes.includes(eventType))
      .map(
        (endpoint): WebhookDelivery => ({
          id: context.ids.newId(),
          workspaceId: event.workspaceId,
          endpointId: endpoint.id,
          eventId: event.id,
          eventSequence: event.sequence,
          eventType,
          status: 'pending',
          attemptCount: 0,
          roundAttempts: 0,
          lastStatusCode: null,
          lastError: null,
          lastAttemptAt: null,
          nextAttemptAt: now,
          succeededAt: null,
          createdAt: now,
          updatedAt: now,
        }),
      );
  });
};

/** `crm.enrich` for customers created or linked after the CRM look-up was configured, one per customer. */
const crmLookupsFor = (events: readonly StoredEvent[], crm: CrmConnection | null): QueuedJob[] => {
  if (crm === null) return [];
  const customerIds = new Set<string>();
  for (const event of events) {
    const isTrigger = event.type === 'customer.created' || event.type === 'customer.linked';
    if (isTrigger && event.sequence > crm.startSequence && event.customerId !== null) customerIds.add(event.customerId);
  }
  return [...customerIds].map((customerId) => ({
    name: 'crm.enrich' as const,
    data: { workspaceId: crm.workspaceId, customerId },
    // One queued look-up per customer: a burst of links asks the CRM once.
    options: { singletonKey: `crm:${customerId}` },
  }));
};

const queueWork = async (context: IntegrationContext, tx: Tx, events: readonly StoredEvent[], consumers: Consumers) => {
  const deliveries = deliveriesFor(context, events, consumers);
  const inserted = new Set<string>();
  for (let first = 0; first < deliveries.length; first += insertChunk) {
    for (const id of await tx.webhookDeliveries.insertIfAbsent(deliveries.slice(first, first + insertChunk))) {
      inserted.add(id);
    }
  }
  const jobs: QueuedJob[] = deliveries
    .filter((delivery) => inserted.has(delivery.id))
    .map((delivery) => ({
      name: 'webhook.deliver' as const,
      data: { workspaceId: delivery.workspaceId, eventId: delivery.eventId, endpointId: delivery.endpointId },
      options: { singletonKey: `webhook:${delivery.id}` },
    }));
  jobs.push(...crmLookupsFor(events, consumers.crm));
  for (let first = 0; first < jobs.length; first += insertChunk) {
    await tx.jobs.sendMany(jobs.slice(first, first + insertChunk));
  }
};

/**
 * Reads the workspace's events after the stored cursor, in sequence order, and queues what the integrations
 * need: one webhook delivery per subscribed endpoint and event (unique), CRM look-ups for new or newly linked
 * customers. Deliveries, jobs and the moved cursor commit together. Says whether more is waiting (`more`), or
 * nobody listens in this workspace (`idle`).
 */
export const dispatchEvents = async (
  context: IntegrationContext,
  workspaceId: string,
): Promise<'more' | 'caught-up' | 'idle'> => {
  const listening = await loadConsumers(context.integrations, workspaceId);
  if (listening.endpoints.length === 0 && listening.crm === null) return 'idle';
  return context.integrations.transaction(async (tx) => {
    const now = context.clock.now();
    const wantedAfter = firstWantedAfter(listening);
    const cursor = await tx.eventCursors.lock(integrationsConsumer, workspaceId, wantedAfter, now);
    const from = Math.max(cursor.lastSequence, wantedAfter);
    // Sequences first: an event committed between the two reads is then only in `events`, beyond `safeUpTo`, and
    // waits for the next pass (read the other way round, the cursor could move past an event this pass never saw).
    const sequences = await tx.eventCursors.listSequencesAfter(from, globalSequenceLimit);
    const events = await tx.events.list({ workspaceId, afterSequence: from, limit: batchSize });
    if (events.length === 0) return 'caught-up';
    // Read after the events: an endpoint created before one of them is seen (read before, it could be missed
    // while the cursor moved past the event).
    const consumers = await loadConsumers(tx, workspaceId);
    // Sequences are shared by all workspaces: a hole is a sequence no workspace has (yet), so all of them count.
    const gapSeenAt = from === cursor.lastSequence ? cursor.gapSeenAt : null;
    const take = takeContiguousEvents(from, sequences, gapSeenAt, now, context.timing.sequenceGapGraceMs);
    const isFullBatch = events.length === batchSize;
    const safeUpTo = Math.min(
      take.count === 0 ? from : (sequences[take.count - 1] ?? from),
      isFullBatch ? (events.at(-1)?.sequence ?? from) : Number.POSITIVE_INFINITY,
    );
    const taken = events.filter((event) => event.sequence <= safeUpTo);
    await queueWork(context, tx, taken, consumers);
    await tx.eventCursors.save({ ...cursor, lastSequence: safeUpTo, gapSeenAt: take.gapSeenAt, updatedAt: now });
    // More waiting and progress made (not stuck at a hole): go again at once.
    const hasMore = taken.length === events.length ? isFullBatch : safeUpTo > from;
    return hasMore ? 'more' : 'caught-up';
  });
};

/** Rows one retention sweep deletes at most: a long backlog goes over several sweeps, never in one long statement. */
export const pruneBatchSize = 1000;

/**
 * The delivery log's retention: settled deliveries older than the configured time are deleted, once per
 * `pruneIntervalMs` per workspace in this process (and again at once while a sweep deletes a full batch).
 */
const createDeliveryPruner = (context: IntegrationContext) => {
  const lastSweep = new Map<string, number>();
  return async (workspaceId: string): Promise<void> => {
    const now = context.clock.now().getTime();
    if (now - (lastSweep.get(workspaceId) ?? Number.NEGATIVE_INFINITY) < context.timing.pruneIntervalMs) return;
    const settledBefore = new Date(now - context.timing.deliveryRetentionMs);
    const pruned = await context.integrations.webhookDeliveries.pruneSettled(
      workspaceId,
      settledBefore,
      pruneBatchSize,
    );
    if (pruned < pruneBatchSize) lastSweep.set(workspaceId, now);
    if (pruned > 0) context.log(`events.dispatch ${workspaceId}: pruned ${pruned} settled webhook deliveries`);
  };
};

/** The `events.dispatch` job: one pass, then the next pass of the same workspace is queued. */
export const dispatchEventsJob = (context: IntegrationContext): JobHandler<'events.dispatch'> => {
  const prune = createDeliveryPruner(context);
  return async ({ data }) => {
    let outcome: Awaited<ReturnType<typeof dispatchEvents>> = 'caught-up';
    try {
      outcome = await dispatchEvents(context, data.workspaceId);
      if (outcome !== 'more') await prune(data.workspaceId);
    } catch (error) {
      // Not rethrown: the chain below must go on. A failed pass committed nothing; the next one redoes it.
      context.log(`events.dispatch ${data.workspaceId}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const { dispatchIntervalMs, idleDispatchIntervalMs } = context.timing;
    const delayMs = {
      more: 0,
      'caught-up': dispatchIntervalMs,
      idle: Math.max(dispatchIntervalMs, idleDispatchIntervalMs),
    };
    const startAfter = new Date(context.clock.now().getTime() + delayMs[outcome]);
    await context.store.jobs.send('events.dispatch', data, { startAfter, singletonKey: dispatchKey(data.workspaceId) });
  };
};

export const dispatchKey = (workspaceId: string): string => `events.dispatch:${workspaceId}`;
