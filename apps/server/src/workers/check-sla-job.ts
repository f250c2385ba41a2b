import {
  type DomainEvent,
  evaluateSla,
  type JobHandler,
  type SlaTarget,
  type SlaTargetState,
  slaCheckKey,
  type Ticket,
} from '@ascolta/core';
import type { WorkerContext } from './worker-context.ts';

type SlaEventType = 'ticket.sla-at-risk' | 'ticket.sla-breached';

const windowStart = (ticket: Ticket, target: SlaTarget): Date =>
  target === 'next-response' ? (ticket.waitingSince ?? ticket.createdAt) : ticket.createdAt;

/** When a target next changes state by the clock alone: on track → at risk → breached. */
const nextChangeAt = (ticket: Ticket, state: SlaTargetState, ratio: number): Date | null => {
  if (state.state === 'at-risk') return state.dueAt;
  if (state.state !== 'on-track') return null;
  const from = windowStart(ticket, state.target).getTime();
  return new Date(state.dueAt.getTime() - (state.dueAt.getTime() - from) * ratio);
};

/**
 * `sla.check`: appends `ticket.sla-at-risk` / `ticket.sla-breached` once per target and waiting period,
 * and schedules itself for the next moment a target can change state.
 */
export const checkSlaJob =
  (context: WorkerContext): JobHandler<'sla.check'> =>
  (job) =>
    context.store.transaction(async (repos) => {
      const { workspaceId, ticketId } = job.data;
      const ticket = await repos.tickets.get(workspaceId, ticketId);
      if (ticket === null) return;
      const now = context.clock.now();
      const ratio = (await repos.slaPolicies.list(workspaceId))[0]?.breachRiskRatio ?? 0.2;
      const states = evaluateSla(ticket, now, ratio);
      const history = await repos.events.list({ workspaceId, ticketId });
      const isReported = (type: SlaEventType, target: SlaTarget) =>
        history.some(
          (event) =>
            event.type === type &&
            event.data.target === target &&
            event.occurredAt.getTime() >= windowStart(ticket, target).getTime(),
        );
      const events: DomainEvent[] = [];
      for (const state of states) {
        const type: SlaEventType | null =
          state.state === 'at-risk' ? 'ticket.sla-at-risk' : state.state === 'breached' ? 'ticket.sla-breached' : null;
        if (type === null || isReported(type, state.target)) continue;
        events.push({
          id: context.ids.newId(),
          workspaceId,
          occurredAt: now,
          actor: { type: 'system' },
          ticketId,
          customerId: ticket.customerId,
          type,
          data: { target: state.target },
        });
      }
      if (events.length > 0) await repos.events.append(events);
      const upcoming = states
        .map((state) => nextChangeAt(ticket, state, ratio))
        .filter((at): at is Date => at !== null && at > now)
        .sort((a, b) => a.getTime() - b.getTime());
      const next = upcoming[0];
      if (next !== undefined) {
        await repos.jobs.send('sla.check', job.data, { startAfter: next, singletonKey: slaCheckKey(ticketId, next) });
      }
    });
