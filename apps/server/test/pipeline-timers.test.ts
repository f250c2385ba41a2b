import { applyDueDates, type PipelineRun, type SlaPolicy, snoozeTicket, stampEvent, type Ticket } from '@ascolta/core';
import type { SqlStore } from '@ascolta/db';
import { aTicket, aWorkspace, createTestStore } from '@ascolta/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { driverOf } from '../../../packages/db/src/store/store-internals.ts';
import { systemClock } from '../src/runtime/system-clock.ts';
import { uuidV7 } from '../src/runtime/uuid-v7.ts';
import { snoozeWakeJob } from '../src/workers/snooze-wake-job.ts';
import type { WorkerContext } from '../src/workers/worker-context.ts';

const workspaceId = 'ws-timers';
const ids = uuidV7();
let store: SqlStore;

const targets = (firstResponseMinutes: number) => ({
  firstResponseMinutes,
  nextResponseMinutes: firstResponseMinutes,
  resolutionMinutes: firstResponseMinutes * 10,
});

const policy: SlaPolicy = {
  id: 'sla-1',
  workspaceId,
  name: 'Default',
  businessHoursId: null,
  targets: { low: targets(480), normal: targets(240), high: targets(60), urgent: targets(15) },
  breachRiskRatio: 0.2,
};

const insertTicket = async (overrides: Partial<Omit<Ticket, 'number'>> = {}): Promise<Ticket> => {
  const now = new Date();
  return store.tickets.insert(
    aTicket(workspaceId, 'ticket-1', {
      status: 'open',
      createdAt: now,
      updatedAt: now,
      waitingSince: now,
      ...overrides,
    }),
  );
};

/** The `sla.check` jobs waiting in the queue for the ticket, soonest first. */
const queuedChecks = async (ticketId: string): Promise<Date[]> => {
  const { rows } = await driverOf(store).connection.query(
    `SELECT start_after FROM pgboss.job WHERE name = 'sla.check' AND state = 'created' AND data->>'ticketId' = $1
     ORDER BY start_after`,
    [ticketId],
  );
  return (rows as Array<{ start_after: Date | string }>).map((row) => new Date(row.start_after));
};

const wakeHandler = () =>
  snoozeWakeJob({
    store,
    classifier: { classify: async () => Promise.reject(new Error('not used')) },
    clock: systemClock,
    ids,
    endpoints: {} as WorkerContext['endpoints'],
    pollIntervalSeconds: 60,
    log: () => undefined,
  } as WorkerContext);

const snooze = async (ticket: Ticket, until: Date): Promise<Ticket> => {
  const now = new Date();
  const snoozed = snoozeTicket(ticket, until, { type: 'system' }, now);
  await store.tickets.update(snoozed.ticket);
  await store.events.append(snoozed.events.map((event) => stampEvent(event, now, ids)));
  return snoozed.ticket;
};

beforeEach(async () => {
  store = await createTestStore();
  await store.workspaces.insert(aWorkspace(workspaceId));
});

afterEach(async () => {
  await store.close();
});

describe('SLA timer', () => {
  it('queues an earlier check beside a later one still waiting, instead of dropping it', async () => {
    const ticket = await insertTicket({ priorityBand: 'low' });
    const care = { policy, hours: null, infoRequest: null, answerTemplates: [] };
    await store.transaction(async (repos) => {
      const run = { deps: { repos }, workspaceId, now: new Date() } as unknown as PipelineRun;
      await applyDueDates(run, ticket, care);
      // The customer wrote again and the ticket became urgent: its first response is due much sooner.
      await applyDueDates(run, { ...ticket, priorityBand: 'urgent' }, care);
    });
    const checks = await queuedChecks(ticket.id);
    expect(checks).toHaveLength(2);
    const urgentRiskAt = ticket.createdAt.getTime() + 15 * 60_000 * (1 - policy.breachRiskRatio);
    expect(checks[0]?.getTime()).toBe(urgentRiskAt);
  });
});

describe('jobs sent in one statement', () => {
  it('keep their start times and the singleton rule of single sends', async () => {
    const later = new Date(Date.now() + 3_600_000);
    const data = { workspaceId, ticketId: 'ticket-9' };
    await store.transaction(async (repos) => {
      await repos.jobs.sendMany([
        { name: 'sla.check', data, options: { startAfter: later, singletonKey: 'sla:ticket-9:a' } },
        { name: 'sla.check', data, options: { startAfter: later, singletonKey: 'sla:ticket-9:a' } },
        { name: 'sla.check', data, options: { startAfter: new Date(later.getTime() + 60_000), singletonKey: 'b' } },
      ]);
      // A single send with a key already queued by the batch is dropped as well.
      await repos.jobs.send('sla.check', data, { startAfter: later, singletonKey: 'b' });
    });
    const checks = await queuedChecks('ticket-9');
    expect(checks.map((at) => at.getTime())).toEqual([later.getTime(), later.getTime() + 60_000]);
  });
});

describe('snooze wake-up', () => {
  it('brings a snoozed ticket back to open at its time, with a status change by the system', async () => {
    const until = new Date(Date.now() + 60_000);
    const ticket = await snooze(await insertTicket(), until);
    expect(ticket.status).toBe('pending');
    await wakeHandler()({
      id: 'job-1',
      name: 'ticket.wake',
      data: { workspaceId, ticketId: ticket.id, until: until.toISOString() },
    });
    expect((await store.tickets.get(workspaceId, ticket.id))?.status).toBe('open');
    const changes = (await store.events.list({ workspaceId, ticketId: ticket.id })).filter(
      (event) => event.type === 'ticket.status-changed',
    );
    expect(changes.at(-1)).toMatchObject({ actor: { type: 'system' }, data: { from: 'pending', to: 'open' } });
  });

  it('leaves a ticket snoozed again until its new time, and one that moved on alone', async () => {
    const first = new Date(Date.now() + 60_000);
    const later = new Date(Date.now() + 3_600_000);
    const ticket = await snooze(await snooze(await insertTicket(), first), later);
    await wakeHandler()({
      id: 'job-1',
      name: 'ticket.wake',
      data: { workspaceId, ticketId: ticket.id, until: first.toISOString() },
    });
    expect((await store.tickets.get(workspaceId, ticket.id))?.status).toBe('pending');
    await store.tickets.update({ ...ticket, status: 'resolved', resolvedAt: new Date() });
    await wakeHandler()({
      id: 'job-2',
      name: 'ticket.wake',
      data: { workspaceId, ticketId: ticket.id, until: later.toISOString() },
    });
    expect((await store.tickets.get(workspaceId, ticket.id))?.status).toBe('resolved');
  });
});
