import type { Store } from '@ascolta/core';
import { createPostgresStore, type SqlStore } from '@ascolta/db';
import {
  aMessage,
  aTicket,
  aWorkspace,
  createPgliteTestStore,
  createPostgresTestDatabase,
  fixedTime,
  minutesAfter,
} from '@ascolta/db/testing';
import { parseBenchOptions } from './bench-options.ts';
import { type Benchmark, percentile, round } from './benchmark.ts';

type Driver = 'pglite' | 'postgres';

interface Settings {
  messages: number;
  duplicateShare: number;
  tickets: number;
  reads: number;
}

// PGlite is one session: more requests in flight only queue, so its latencies are measured one at a time.
const defaultConcurrency: Record<Driver, number> = { pglite: 1, postgres: 4 };

// Each measured phase stops here even if its count is not reached, so the whole run stays well under a minute.
const phaseBudgetMs = 8000;

/** Runs `count` operations with `concurrency` in flight; returns operations per second and latencies. */
const measure = async (count: number, concurrency: number, operation: (index: number) => Promise<void>) => {
  const latenciesMs: number[] = [];
  let next = 0;
  const startedAt = performance.now();
  const deadline = startedAt + phaseBudgetMs;
  const worker = async () => {
    while (next < count && performance.now() < deadline) {
      const index = next;
      next += 1;
      const before = performance.now();
      await operation(index);
      latenciesMs.push(performance.now() - before);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - startedAt) / 1000;
  latenciesMs.sort((a, b) => a - b);
  return {
    done: latenciesMs.length,
    perSecond: round(latenciesMs.length / seconds, 0),
    p50Ms: round(percentile(latenciesMs, 50), 3),
    p99Ms: round(percentile(latenciesMs, 99), 3),
  };
};

/** External ids where a `duplicateShare` of the messages repeat an earlier one (replayed webhooks). */
const externalIdsFor = (count: number, duplicateShare: number): string[] => {
  const ids: string[] = [];
  let unique = 0;
  for (let index = 0; index < count; index += 1) {
    // A fixed pseudo-random sequence, so every run inserts the same messages.
    const isDuplicate = unique > 0 && ((index * 7919) % 1000) / 1000 < duplicateShare;
    ids.push(isDuplicate ? `ext-${(index * 104_729) % unique}` : `ext-${unique++}`);
  }
  return ids;
};

const benchInserts = async (store: Store, settings: Settings, concurrency: number) => {
  const externalIds = externalIdsFor(settings.messages, settings.duplicateShare);
  let created = 0;
  const result = await measure(settings.messages, concurrency, async (index) => {
    const externalId = externalIds[index] ?? `ext-${index}`;
    const message = aMessage('bench', `m-${index}`, {
      externalId,
      text: `Il pacco ${externalId} non è arrivato, order ${index} delivery late`,
      receivedAt: minutesAfter(fixedTime, index),
    });
    if ((await store.messages.insertIdempotent(message)).isNew) created += 1;
  });
  return { ...result, created, duplicates: result.done - created };
};

const seedTickets = async (store: Store, count: number) => {
  for (let start = 0; start < count; start += 500) {
    await store.transaction(async (tx) => {
      for (let i = start; i < Math.min(count, start + 500); i += 1) {
        await tx.tickets.insert(
          aTicket('bench', `t-${i}`, {
            status: i % 5 === 0 ? 'resolved' : 'open',
            priorityScore: (i * 37) % 100,
            createdAt: minutesAfter(fixedTime, i),
          }),
        );
      }
    });
  }
};

const benchDriver = async (store: Store, settings: Settings, concurrency: number, log: (line: string) => void) => {
  await store.workspaces.insert(aWorkspace('bench'));
  const inserts = await benchInserts(store, settings, concurrency);
  log(`${store.driver}: ${inserts.perSecond} idempotent inserts/s (${inserts.duplicates} duplicates)`);
  await seedTickets(store, settings.tickets);
  const gets = await measure(settings.reads, concurrency, async (index) => {
    const ticket = await store.tickets.get('bench', `t-${(index * 7919) % settings.tickets}`);
    if (ticket === null) throw new Error('a seeded ticket is missing');
  });
  const queuePages = await measure(Math.ceil(settings.reads / 5), concurrency, async () => {
    await store.tickets.list({ workspaceId: 'bench', status: ['new', 'open', 'pending'], limit: 25 });
  });
  log(`${store.driver}: ${gets.perSecond} ticket gets/s, ${queuePages.perSecond} open-queue pages/s`);
  return {
    idempotentInserts: { count: settings.messages, ...inserts },
    ticketGets: { count: settings.reads, tickets: settings.tickets, ...gets },
    openQueuePages: { pageSize: 25, ...queuePages },
  };
};

const openFor = async (driver: Driver, url: string | null): Promise<SqlStore> => {
  if (driver === 'pglite') return createPgliteTestStore();
  if (url === null) throw new Error('--driver postgres needs --url or DATABASE_URL');
  const database = await createPostgresTestDatabase(url);
  const store = await createPostgresStore({ url: database.url });
  return { ...store, close: () => store.close().finally(database.drop) };
};

export const storeBenchmark: Benchmark = {
  summary: 'Idempotent message inserts/s and indexed ticket reads/s on PGlite and PostgreSQL',
  help: [
    'Usage: ascolta bench store [--driver pglite|postgres|both] [--url URL] [--messages N] [--duplicates 0.2]',
    '                           [--tickets N] [--reads N] [--concurrency N (default: pglite 1, postgres 4)]',
    '',
    'PostgreSQL runs in a fresh database created on the server of --url (default DATABASE_URL) and dropped after.',
    'Default driver: both when a URL is known, else pglite.',
  ].join('\n'),
  async run(args, log) {
    const values = parseBenchOptions(args, {
      driver: { type: 'string' },
      url: { type: 'string' },
      messages: { type: 'string', default: '2000' },
      duplicates: { type: 'string', default: '0.2' },
      tickets: { type: 'string', default: '1000' },
      reads: { type: 'string', default: '2000' },
      concurrency: { type: 'string' },
    });
    const url = values.url ?? process.env.DATABASE_URL ?? null;
    const choice = values.driver ?? (url === null ? 'pglite' : 'both');
    if (!['pglite', 'postgres', 'both'].includes(choice)) throw new Error('--driver is pglite, postgres or both');
    const drivers: Driver[] = choice === 'both' ? ['pglite', 'postgres'] : [choice as Driver];
    const settings: Settings = {
      messages: Number(values.messages),
      duplicateShare: Number(values.duplicates),
      tickets: Number(values.tickets),
      reads: Number(values.reads),
    };
    const results: Record<string, unknown> = {};
    for (const driver of drivers) {
      const store = await openFor(driver, url);
      try {
        const concurrency = Number(values.concurrency ?? defaultConcurrency[driver]);
        results[driver] = { concurrency, ...(await benchDriver(store, settings, concurrency, log)) };
      } finally {
        await store.close();
      }
    }
    return { settings, drivers: results };
  },
};
