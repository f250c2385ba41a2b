import type { MessageFactChange } from './message-fact-change.ts';
import type { ReportEvent } from './report-event.ts';
import type { ProjectionContext, TicketFacts } from './ticket-facts.ts';

/** How far the projection has folded the event log (one cursor for all workspaces: sequences are global). */
export interface ReportProjectionCursor {
  lastSequence: number;
  /** When the projection first met a hole right after `lastSequence`; null when there is none. */
  gapSeenAt: Date | null;
}

/** The projection's port: the raw event log in, the report facts out. Writes are idempotent upserts. */
export interface ReportProjectionStore {
  readCursor(): Promise<ReportProjectionCursor>;
  /** Never moves the cursor back, so two projectors racing cannot undo each other. */
  writeCursor(cursor: ReportProjectionCursor): Promise<void>;
  readEventsAfter(afterSequence: number, limit: number): Promise<ReportEvent[]>;
  /** All events of these tickets up to `throughSequence`, in sequence order. */
  readTicketEvents(workspaceId: string, ticketIds: readonly string[], throughSequence: number): Promise<ReportEvent[]>;
  /** Upserts; a row already folded from later events is kept. */
  writeTicketFacts(facts: readonly TicketFacts[]): Promise<void>;
  applyMessageChanges(changes: readonly MessageFactChange[]): Promise<void>;
  loadContext(workspaceId: string): Promise<ProjectionContext>;
}
