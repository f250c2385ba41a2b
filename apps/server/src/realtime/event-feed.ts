import type { StreamEventDto } from '@ascolta/contracts';
import type { DomainEvent, Store } from '@ascolta/core';

export type EventListener = (event: StreamEventDto) => void;

export interface EventFeed {
  /** Calls `listener` with each event of the workspace appended from now on; returns the unsubscribe. */
  subscribe(workspaceId: string, listener: EventListener): Promise<() => void>;
  close(): void;
}

interface WorkspaceFeed {
  listeners: Set<EventListener>;
  afterSequence: number;
  /** Events up to here existed before the first listener came: never pushed. */
  floorSequence: number;
  /** Ids already pushed from the look-back window, so a re-read event is not pushed twice. */
  recentIds: Set<string>;
}

// Sequences are taken at insert but become visible at commit, so a transaction that started earlier can
// commit a lower sequence after a later one. Re-reading this many sequences back catches those stragglers.
const lookBackSequences = 100;
const maxRecentIds = 1000;

const toStreamEvent = (event: DomainEvent & { sequence: number }): StreamEventDto => ({
  sequence: event.sequence,
  id: event.id,
  type: event.type,
  ticketId: event.ticketId,
  customerId: event.customerId,
  actor: { ...event.actor },
  data: { ...event.data },
  occurredAt: event.occurredAt.toISOString(),
});

/**
 * One poller per process reads the events table by `sequence` every `intervalMs`, for the workspaces that
 * have listeners only. Polling the shared table works on PGlite and across processes, which
 * LISTEN/NOTIFY alone would not on PGlite.
 */
export const createEventFeed = (store: Store, onPollError: (error: unknown) => void, intervalMs = 500): EventFeed => {
  const feeds = new Map<string, WorkspaceFeed>();
  let timer: NodeJS.Timeout | null = null;
  let isPolling = false;

  const pollWorkspace = async (workspaceId: string, feed: WorkspaceFeed) => {
    const events = await store.events.list({
      workspaceId,
      afterSequence: Math.max(0, feed.afterSequence - lookBackSequences),
      limit: 1000,
    });
    for (const event of events) {
      if (event.sequence <= feed.floorSequence || feed.recentIds.has(event.id)) continue;
      feed.recentIds.add(event.id);
      feed.afterSequence = Math.max(feed.afterSequence, event.sequence);
      const dto = toStreamEvent(event);
      for (const listener of feed.listeners) listener(dto);
    }
    for (const id of feed.recentIds) {
      if (feed.recentIds.size <= maxRecentIds) break;
      feed.recentIds.delete(id);
    }
  };

  const poll = async () => {
    if (isPolling) return;
    isPolling = true;
    try {
      for (const [workspaceId, feed] of feeds) await pollWorkspace(workspaceId, feed);
    } finally {
      isPolling = false;
    }
  };

  const start = () => {
    timer ??= setInterval(() => {
      // A failed poll (database restarting) is reported and retried at the next tick; listeners keep their place.
      poll().catch(onPollError);
    }, intervalMs);
  };

  const stopIfIdle = () => {
    if (feeds.size > 0 || timer === null) return;
    clearInterval(timer);
    timer = null;
  };

  return {
    async subscribe(workspaceId, listener) {
      let feed = feeds.get(workspaceId);
      if (feed === undefined) {
        const latest = await store.events.latestSequence(workspaceId);
        feed = feeds.get(workspaceId) ?? {
          listeners: new Set(),
          afterSequence: latest,
          floorSequence: latest,
          recentIds: new Set(),
        };
        feeds.set(workspaceId, feed);
      }
      feed.listeners.add(listener);
      start();
      const subscribed = feed;
      return () => {
        subscribed.listeners.delete(listener);
        if (subscribed.listeners.size === 0) feeds.delete(workspaceId);
        stopIfIdle();
      };
    },
    close() {
      feeds.clear();
      stopIfIdle();
    },
  };
};
