import { messageFactChange } from './message-fact-change.ts';
import type { ReportEvent } from './report-event.ts';
import type { ReportProjectionCursor, ReportProjectionStore } from './report-projection-store.ts';
import type { ProjectionContext, TicketFacts } from './ticket-facts.ts';
import { ticketFactsFromEvents } from './ticket-facts-from-events.ts';

export interface ProjectionOptions {
  /** Events read per batch. */
  batchSize: number;
  /** Stop after this many batches (the caller runs again later). */
  maxBatches: number;
  /**
   * A hole in the sequence is a transaction still committing, or one rolled back (a hole forever). Wait
   * this long for it to fill before folding past it.
   */
  gapGraceSeconds: number;
}

export const defaultProjectionOptions: ProjectionOptions = { batchSize: 5000, maxBatches: 50, gapGraceSeconds: 30 };

export interface ProjectionResult {
  throughSequence: number;
  events: number;
  tickets: number;
  /** True when the log was folded to its end (as far as holes allow). */
  isCaughtUp: boolean;
}

/** The events that may be folded now: up to the first hole, unless that hole has waited long enough. */
const foldable = (cursor: ReportProjectionCursor, events: readonly ReportEvent[], now: Date, graceSeconds: number) => {
  const first = events[0];
  if (first === undefined) return { events: [], gapSeenAt: null };
  const holeIsOld = cursor.gapSeenAt !== null && now.getTime() - cursor.gapSeenAt.getTime() >= graceSeconds * 1000;
  if (first.sequence !== cursor.lastSequence + 1 && !holeIsOld) {
    return { events: [], gapSeenAt: cursor.gapSeenAt ?? now };
  }
  let end = 1;
  while (end < events.length && events[end]?.sequence === (events[end - 1]?.sequence ?? 0) + 1) end += 1;
  return { events: events.slice(0, end), gapSeenAt: null };
};

const ticketIdsByWorkspace = (events: readonly ReportEvent[]) => {
  const byWorkspace = new Map<string, Set<string>>();
  for (const event of events) {
    if (event.ticketId === null) continue;
    const ids = byWorkspace.get(event.workspaceId) ?? new Set<string>();
    ids.add(event.ticketId);
    byWorkspace.set(event.workspaceId, ids);
  }
  return byWorkspace;
};

const groupByTicket = (events: readonly ReportEvent[]) => {
  const groups = new Map<string, ReportEvent[]>();
  for (const event of events) {
    if (event.ticketId === null) continue;
    const group = groups.get(event.ticketId) ?? [];
    group.push(event);
    groups.set(event.ticketId, group);
  }
  return groups.values();
};

const foldBatch = async (
  store: ReportProjectionStore,
  events: readonly ReportEvent[],
  contexts: Map<string, ProjectionContext>,
): Promise<number> => {
  const through = events[events.length - 1]?.sequence ?? 0;
  await store.applyMessageChanges(events.flatMap((event) => messageFactChange(event) ?? []));
  const facts: TicketFacts[] = [];
  for (const [workspaceId, ids] of ticketIdsByWorkspace(events)) {
    let context = contexts.get(workspaceId);
    if (context === undefined) {
      context = await store.loadContext(workspaceId);
      contexts.set(workspaceId, context);
    }
    // Re-fold each touched ticket from all of its events: idempotent, and order-safe across batches.
    const ticketEvents = await store.readTicketEvents(workspaceId, [...ids], through);
    for (const group of groupByTicket(ticketEvents)) {
      const folded = ticketFactsFromEvents(group, context);
      if (folded !== null) facts.push(folded);
    }
  }
  await store.writeTicketFacts(facts);
  return facts.length;
};

/**
 * Folds the event log into the report facts from the stored cursor on, in `sequence` order: idempotent
 * (running it twice changes nothing) and safe to run from several processes.
 */
export const projectReportEvents = async (
  store: ReportProjectionStore,
  now: Date,
  options: ProjectionOptions = defaultProjectionOptions,
): Promise<ProjectionResult> => {
  let cursor = await store.readCursor();
  const contexts = new Map<string, ProjectionContext>();
  let events = 0;
  let tickets = 0;
  for (let batch = 0; batch < options.maxBatches; batch += 1) {
    const read = await store.readEventsAfter(cursor.lastSequence, options.batchSize);
    const next = foldable(cursor, read, now, options.gapGraceSeconds);
    const last = next.events[next.events.length - 1];
    if (last === undefined) {
      if (next.gapSeenAt?.getTime() !== cursor.gapSeenAt?.getTime()) {
        cursor = { ...cursor, gapSeenAt: next.gapSeenAt };
        await store.writeCursor(cursor);
      }
      return { throughSequence: cursor.lastSequence, events, tickets, isCaughtUp: true };
    }
    tickets += await foldBatch(store, next.events, contexts);
    events += next.events.length;
    cursor = { lastSequence: last.sequence, gapSeenAt: null };
    await store.writeCursor(cursor);
  }
  return { throughSequence: cursor.lastSequence, events, tickets, isCaughtUp: false };
};
