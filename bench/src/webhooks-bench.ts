import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import type { DomainEvent, WebhookEndpoint } from '@ascolta/core';
import { createIntegrationStore, createJobRunner, type SqlStore } from '@ascolta/db';
import { aWorkspace, createPgliteTestStore, createPostgresTestStore } from '@ascolta/db/testing';
import { registerIntegrationJobs } from '../../apps/server/src/integrations/start-integration-jobs.ts';
import { type Benchmark, percentile, round } from './benchmark.ts';

const workspaceId = 'bench-webhooks';
// The whole run stops here even if not every delivery arrived, so a slow machine still prints a summary.
const budgetMs = 120_000;

/** A receiver that answers 204 at once and notes when each event reached it. */
const startReceiver = async (arrivedAt: Map<string, number[]>) => {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { data } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      arrivedAt.set(data.eventId, [...(arrivedAt.get(data.eventId) ?? []), performance.now()]);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
};

const anEvent = (index: number): DomainEvent => ({
  id: randomUUID(),
  workspaceId,
  occurredAt: new Date(),
  actor: { type: 'system' },
  ticketId: null,
  customerId: null,
  type: 'ticket.opened',
  data: { category: 'delivery', priorityBand: index % 2 === 0 ? 'normal' : 'high', channelId: 'bench' },
});

const run = async (store: SqlStore, events: number, endpoints: number, log: (line: string) => void) => {
  const arrivedAt = new Map<string, number[]>();
  const receiver = await startReceiver(arrivedAt);
  const integrations = createIntegrationStore(store);
  await store.workspaces.insert(aWorkspace(workspaceId));
  const now = new Date();
  for (let index = 0; index < endpoints; index += 1) {
    const endpoint: WebhookEndpoint = {
      id: randomUUID(),
      workspaceId,
      url: `${receiver.url}/hook/${index}`,
      description: 'bench',
      eventTypes: ['ticket.opened'],
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      isActive: true,
      startSequence: 0,
      createdAt: now,
      updatedAt: now,
    };
    await integrations.webhookEndpoints.insert(endpoint);
  }
  const runner = createJobRunner(store, { pollIntervalMs: 10, concurrency: 4 });
  registerIntegrationJobs(runner, {
    store,
    clock: { now: () => new Date() },
    ids: { newId: randomUUID },
    timing: { dispatchIntervalMs: 50 },
    log,
  });
  await runner.start();
  await store.jobs.send('events.dispatch', { workspaceId }, { singletonKey: `events.dispatch:${workspaceId}` });
  const appendedAt = new Map<string, number>();
  const startedAt = performance.now();
  // Batches of 50, as a busy pipeline appends them; the dispatcher reads up to 500 at a time.
  for (let first = 0; first < events; first += 50) {
    const batch = Array.from({ length: Math.min(50, events - first) }, (_, offset) => anEvent(first + offset));
    await store.events.append(batch);
    for (const event of batch) appendedAt.set(event.id, performance.now());
  }
  const expected = events * endpoints;
  const received = () => [...arrivedAt.values()].reduce((sum, times) => sum + times.length, 0);
  while (received() < expected && performance.now() - startedAt < budgetMs) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seconds = (performance.now() - startedAt) / 1000;
  const latencies = [...arrivedAt.entries()]
    .flatMap(([id, times]) => times.map((time) => time - (appendedAt.get(id) ?? time)))
    .sort((a, b) => a - b);
  await runner.stop();
  receiver.close();
  log(`${received()} of ${expected} deliveries in ${round(seconds, 1)} s`);
  return {
    deliveries: received(),
    expected,
    duplicates: [...arrivedAt.values()].reduce((sum, times) => sum + Math.max(0, times.length - endpoints), 0),
    deliveriesPerSecond: round(received() / seconds, 0),
    appendToReceiptP50Ms: round(percentile(latencies, 50), 0),
    appendToReceiptP99Ms: round(percentile(latencies, 99), 0),
  };
};

export const webhooksBenchmark: Benchmark = {
  summary: 'outbound webhooks: events appended → dispatched → signed deliveries received, per second and latency',
  help: [
    'Usage: ascolta bench webhooks [--driver pglite|postgres] [--url URL] [--events N (500)] [--endpoints N (2)]',
    'Appends N ticket.opened events and waits until a local receiver got each from every endpoint.',
  ].join('\n'),
  async run(args, log) {
    const { values } = parseArgs({
      args,
      options: {
        driver: { type: 'string', default: 'pglite' },
        url: { type: 'string' },
        events: { type: 'string', default: '500' },
        endpoints: { type: 'string', default: '2' },
      },
    });
    const url = values.url ?? process.env.DATABASE_URL ?? null;
    if (values.driver === 'postgres' && url === null) throw new Error('--driver postgres needs --url or DATABASE_URL');
    const store =
      values.driver === 'postgres' && url !== null ? await createPostgresTestStore(url) : await createPgliteTestStore();
    try {
      const result = await run(store, Number(values.events), Number(values.endpoints), log);
      return { driver: values.driver, events: Number(values.events), endpoints: Number(values.endpoints), ...result };
    } finally {
      await store.close();
    }
  },
};
