import { describe, expect, it } from 'vitest';
import type { MessageFactChange } from './message-fact-change.ts';
import { projectReportEvents } from './project-report-events.ts';
import type { ReportEvent } from './report-event.ts';
import type { ReportProjectionCursor, ReportProjectionStore } from './report-projection-store.ts';
import { createProjectionContext, type TicketFacts } from './ticket-facts.ts';

/** An in-memory port: the log is an array, the facts a map (a test fake, never product code). */
const memoryStore = (log: ReportEvent[]) => {
  let cursor: ReportProjectionCursor = { lastSequence: 0, gapSeenAt: null };
  const facts = new Map<string, TicketFacts>();
  const messages: MessageFactChange[] = [];
  const store: ReportProjectionStore = {
    readCursor: async () => cursor,
    writeCursor: async (next) => {
      cursor = next.lastSequence >= cursor.lastSequence ? next : cursor;
    },
    readEventsAfter: async (after, limit) =>
      log
        .filter((event) => event.sequence > after)
        .sort((a, b) => a.sequence - b.sequence)
        .slice(0, limit),
    readTicketEvents: async (_, ids, through) =>
      log
        .filter((event) => event.ticketId !== null && ids.includes(event.ticketId) && event.sequence <= through)
        .sort((a, b) => a.sequence - b.sequence),
    writeTicketFacts: async (rows) => {
      for (const row of rows) facts.set(row.ticketId, row);
    },
    applyMessageChanges: async (changes) => {
      messages.push(...changes);
    },
    loadContext: async () => createProjectionContext([], [], []),
  };
  return { store, facts, messages, cursor: () => cursor };
};

const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 9, minute));
const event = (sequence: number, type: string, minute: number, data: Record<string, unknown> = {}): ReportEvent => ({
  sequence,
  workspaceId: 'w',
  type,
  ticketId: type.startsWith('ticket.') ? 't' : null,
  actorType: 'system',
  actorAgentId: null,
  occurredAt: at(minute),
  data,
});
const opened = event(1, 'ticket.opened', 0, { category: 'billing', priorityBand: 'normal', channelId: 'c' });
const replied = event(2, 'ticket.replied', 12, { messageIds: [], visibility: 'public' });
const resolved = event(4, 'ticket.resolved', 30, { isAutomated: false });

describe('projectReportEvents', () => {
  it('folds in batches, re-folding a ticket from all its events, and changes nothing when run again', async () => {
    const log = [opened, replied, event(3, 'message.received', 20, { messageId: 'm', channelId: 'c' }), resolved];
    const memory = memoryStore(log);
    const options = { batchSize: 2, maxBatches: 10, gapGraceSeconds: 30 };
    expect(await projectReportEvents(memory.store, at(60), options)).toMatchObject({
      throughSequence: 4,
      events: 4,
      isCaughtUp: true,
    });
    expect(memory.facts.get('t')).toMatchObject({ firstResponseMinutes: 12, resolutionMinutes: 30, lastSequence: 4 });
    const before = structuredClone(memory.facts.get('t'));
    expect(await projectReportEvents(memory.store, at(61), options)).toMatchObject({ events: 0, isCaughtUp: true });
    expect(memory.facts.get('t')).toEqual(before);
    expect(memory.messages).toHaveLength(1);
  });

  it('reports the category an agent corrected the ticket to', async () => {
    const corrected = event(3, 'ticket.category-changed', 20, { from: 'billing', to: 'returns' });
    const memory = memoryStore([opened, replied, corrected]);
    await projectReportEvents(memory.store, at(60), { batchSize: 10, maxBatches: 10, gapGraceSeconds: 30 });
    expect(memory.facts.get('t')?.category).toBe('returns');
  });

  it('waits at a hole in the sequence, then folds past it once the grace period is over', async () => {
    // Sequence 3 is missing: a transaction still committing, or one rolled back.
    const memory = memoryStore([opened, replied, resolved]);
    const options = { batchSize: 10, maxBatches: 10, gapGraceSeconds: 30 };
    expect(await projectReportEvents(memory.store, at(40), options)).toMatchObject({ throughSequence: 2 });
    expect(memory.cursor().gapSeenAt).toEqual(at(40));
    expect(memory.facts.get('t')?.isResolved).toBe(false);
    // 10 seconds later it still waits; after 30 it folds the resolution.
    expect(await projectReportEvents(memory.store, new Date(at(40).getTime() + 10_000), options)).toMatchObject({
      throughSequence: 2,
    });
    expect(await projectReportEvents(memory.store, new Date(at(40).getTime() + 31_000), options)).toMatchObject({
      throughSequence: 4,
    });
    expect(memory.facts.get('t')).toMatchObject({ isResolved: true, resolutionMinutes: 30 });
    expect(memory.cursor().gapSeenAt).toBeNull();
  });

  it('stops after maxBatches and says it has not caught up', async () => {
    const memory = memoryStore([opened, replied, resolved].map((e, index) => ({ ...e, sequence: index + 1 })));
    const result = await projectReportEvents(memory.store, at(60), {
      batchSize: 1,
      maxBatches: 2,
      gapGraceSeconds: 30,
    });
    expect(result).toMatchObject({ throughSequence: 2, isCaughtUp: false });
  });
});
