import { loadBuiltinTriage } from '@ascolta/ai';
import type { Channel, Classifier, Message } from '@ascolta/core';
import type { SqlStore } from '@ascolta/db';
import { aMessage, aWorkspace, createTestStore } from '@ascolta/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../src/runtime/system-clock.ts';
import { uuidV7 } from '../src/runtime/uuid-v7.ts';
import { processInboundJob } from '../src/workers/process-inbound-job.ts';
import type { WorkerContext } from '../src/workers/worker-context.ts';

// Several workers on PostgreSQL: jobs of one author, or of one incident, run at the same moment. On PGlite one
// session runs one transaction at a time, so these pass trivially there; the PostgreSQL run is the one that counts.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const workspaceId = 'ws-concurrency';
const builtin = loadBuiltinTriage();

/** The built-in models, slowed down: every transaction is still classifying while the others start. */
const slowClassifier: Classifier = {
  async classify(input) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    return builtin.classify(input);
  },
};

const channel: Channel = {
  id: 'channel-fb',
  workspaceId,
  kind: 'facebook',
  name: 'Facebook',
  externalAccountId: 'page-1',
  handle: null,
  settings: {},
  health: { state: 'ok', lastError: null, lastErrorAt: null, retryAfter: null },
  isActive: true,
  createdAt: new Date('2026-01-01T00:00:00Z'),
};

let store: SqlStore;

const workerOn = (target: SqlStore, classifier: Classifier = slowClassifier) => {
  const context: WorkerContext = {
    store: target,
    classifier,
    clock: systemClock,
    ids: uuidV7(),
    endpoints: {} as WorkerContext['endpoints'],
    pollIntervalSeconds: 60,
    log: () => undefined,
  };
  const handler = processInboundJob(context);
  return (messageId: string) =>
    handler({ id: `job-${messageId}`, name: 'inbound.process', data: { workspaceId, messageId } });
};

const comment = (id: string, author: string, text: string, receivedAt: Date): Message =>
  aMessage(workspaceId, id, {
    channelId: channel.id,
    channelKind: 'facebook',
    type: 'comment',
    externalId: `comment-${id}`,
    threadExternalId: 'post-1',
    authorHandle: author,
    authorExternalId: author,
    authorName: author,
    text,
    language: 'it',
    receivedAt,
    createdAt: receivedAt,
  });

beforeEach(async () => {
  store = await createTestStore();
  await store.workspaces.insert(aWorkspace(workspaceId));
  await store.channels.insert(channel);
});

afterEach(async () => {
  await store.close();
});

describe.skipIf(!onPostgres)('per-author order on PostgreSQL', () => {
  it('processes an author’s earlier message first when the later one’s job runs first', async () => {
    const at = new Date();
    const complaint = comment('m-1', 'anna', 'Il mio ordine A123456 non è mai arrivato, aiuto', at);
    const followUp = comment(
      'm-2',
      'anna',
      'Sono ancora senza ordine, nessuno mi risponde',
      new Date(at.getTime() + 2000),
    );
    await store.messages.insertIdempotent(complaint);
    await store.messages.insertIdempotent(followUp);
    await workerOn(store, builtin)(followUp.id);
    const first = await store.messages.get(workspaceId, complaint.id);
    const second = await store.messages.get(workspaceId, followUp.id);
    expect(first?.ticketId).not.toBeNull();
    expect(second?.ticketId).toBe(first?.ticketId);
    const events = await store.events.list({ workspaceId });
    const opened = events.filter((event) => event.type === 'ticket.opened');
    expect(opened).toHaveLength(1);
    expect(opened[0]?.ticketId).toBe(first?.ticketId);
  });

  it('never processes two messages of one author at once: the second joins the first one’s ticket', async () => {
    const at = new Date();
    const messages = [
      comment('m-1', 'bruno', 'La fibra non funziona da ieri sera, aiuto', at),
      comment('m-2', 'bruno', 'La fibra ancora non funziona, è urgente', new Date(at.getTime() + 1000)),
    ];
    for (const message of messages) await store.messages.insertIdempotent(message);
    // Two workers, two connections each, both jobs at the same moment.
    await Promise.all(messages.map((message) => workerOn(store)(message.id)));
    const stored = await Promise.all(messages.map((message) => store.messages.get(workspaceId, message.id)));
    const tickets = await store.tickets.list({ workspaceId });
    expect(tickets.items).toHaveLength(1);
    expect(stored.map((message) => message?.ticketId)).toEqual([tickets.items[0]?.id, tickets.items[0]?.id]);
  });
});

describe('incident detection under concurrency', () => {
  it('opens one incident when several customers report the same outage at the same moment', async () => {
    const at = new Date();
    const reports = Array.from({ length: 6 }, (_, index) =>
      comment(`r-${index}`, `cliente-${index}`, `La fibra non funziona da stamattina, internet assente (${index})`, at),
    );
    for (const report of reports) await store.messages.insertIdempotent(report);
    await Promise.all(reports.map((report) => workerOn(store)(report.id)));
    const incidents = await store.incidents.list(workspaceId);
    expect(incidents).toHaveLength(1);
    const tickets = await store.tickets.list({ workspaceId });
    expect(tickets.items).toHaveLength(reports.length);
    expect(new Set(tickets.items.map((ticket) => ticket.incidentId))).toEqual(new Set([incidents[0]?.id]));
  });
});
