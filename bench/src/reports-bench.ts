import { type ProjectionResult, projectReportEvents, type ReportWindow, reportRange } from '@ascolta/core';
import { createPostgresStore, insertSyntheticReportEvents, reportStoresOf, type SqlStore } from '@ascolta/db';
import { aWorkspace, createPgliteTestStore } from '@ascolta/db/testing';
import pg from 'pg';
import { parseBenchOptions } from './bench-options.ts';
import { type Benchmark, percentile, round } from './benchmark.ts';

const workspaceId = 'bench';
const channelKinds = { 'ch-x': 'x', 'ch-fb': 'facebook', 'ch-mail': 'email', 'ch-wa': 'whatsapp' } as const;
const agentIds = Array.from({ length: 12 }, (_, index) => `agent-${index + 1}`);
const teamIds = ['team-1', 'team-2', 'team-3'];
const start = new Date('2026-01-01T00:00:00Z');
const days = 90;

/** A fresh database of its own on the server of `url`, so the benchmark never touches real data. */
const openPostgres = async (url: string, database: string): Promise<SqlStore> => {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${database}`;
  const store = await createPostgresStore({ url: target.toString() });
  await store.migrate();
  return store;
};

const seedConfiguration = async (store: SqlStore) => {
  await store.workspaces.insert(aWorkspace(workspaceId));
  const hours = {
    id: 'bench-hours',
    workspaceId,
    name: 'Office',
    timeZone: 'Europe/Rome',
    intervals: ([1, 2, 3, 4, 5] as const).map((day) => ({ day, startMinute: 540, endMinute: 1080 })),
    holidays: [],
  };
  await store.businessHours.insert(hours);
  const targets = (first: number, resolution: number) => ({
    firstResponseMinutes: first,
    nextResponseMinutes: first,
    resolutionMinutes: resolution,
  });
  await store.slaPolicies.insert({
    id: 'bench-sla',
    workspaceId,
    name: 'Standard',
    businessHoursId: hours.id,
    targets: { low: targets(240, 2880), normal: targets(60, 960), high: targets(30, 480), urgent: targets(15, 240) },
    breachRiskRatio: 0.2,
  });
  for (const [id, kind] of Object.entries(channelKinds)) {
    await store.channels.insert({
      id,
      workspaceId,
      kind,
      name: id,
      externalAccountId: id,
      handle: null,
      settings: {},
      health: { state: 'ok', lastError: null, lastErrorAt: null, retryAfter: null },
      isActive: true,
      createdAt: start,
    });
  }
};

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const before = performance.now();
  const result = await work();
  return [result, performance.now() - before];
};

const benchStore = async (store: SqlStore, events: number, runs: number, log: (line: string) => void) => {
  await seedConfiguration(store);
  const [inserted, insertMs] = await timed(() =>
    insertSyntheticReportEvents(store, {
      workspaceId,
      events,
      start,
      days,
      channelIds: Object.keys(channelKinds),
      agentIds,
      teamIds,
    }),
  );
  log(`${store.driver}: inserted ${inserted} events in ${round(insertMs / 1000)} s`);
  const stores = reportStoresOf(store);
  const options = { batchSize: 10_000, maxBatches: 1_000_000, gapGraceSeconds: 0 };
  const [projection, projectMs] = await timed<ProjectionResult>(() =>
    projectReportEvents(stores.projection, new Date(), options),
  );
  // What autovacuum does shortly after such a bulk fold: re-folded rows leave dead versions, statistics go stale.
  const [, vacuumMs] = await timed(() => stores.vacuum());
  log(`${store.driver}: vacuumed and analysed the facts in ${round(vacuumMs / 1000)} s`);
  log(
    `${store.driver}: projected ${projection.events} events into ${projection.tickets} ticket folds in ${round(projectMs / 1000)} s`,
  );
  const { start: rangeStart, end } = reportRange('2026-01-01', '2026-03-31', 'Europe/Rome');
  const window: ReportWindow = {
    workspaceId,
    start: rangeStart,
    end,
    timeZone: 'Europe/Rome',
    bucket: 'day',
    filters: {},
    now: new Date('2026-04-01T00:00:00Z'),
  };
  await stores.reports.overview(window); // warm-up: plans and caches
  const latencies: number[] = [];
  for (let run = 0; run < runs; run += 1) latencies.push((await timed(() => stores.reports.overview(window)))[1]);
  latencies.sort((a, b) => a - b);
  const filtered: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const narrow = { ...window, filters: { channel: 'ch-fb', priorityBand: 'normal' as const } };
    filtered.push((await timed(() => stores.reports.overview(narrow)))[1]);
  }
  filtered.sort((a, b) => a - b);
  const today: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    today.push(
      (await timed(() => stores.reports.today(workspaceId, 'Europe/Rome', new Date('2026-03-15T12:00:00Z'))))[1],
    );
  }
  today.sort((a, b) => a - b);
  const overview = await stores.reports.overview(window);
  log(
    `${store.driver}: overview p50 ${round(percentile(latencies, 50))} ms, p95 ${round(percentile(latencies, 95))} ms`,
  );
  return {
    events: inserted,
    tickets: overview.volume.totals.ticketsOpened,
    insertSeconds: round(insertMs / 1000),
    projectSeconds: round(projectMs / 1000),
    projectedEventsPerSecond: round(projection.events / (projectMs / 1000), 0),
    overviewMsP50: round(percentile(latencies, 50)),
    overviewMsP95: round(percentile(latencies, 95)),
    filteredOverviewMsP50: round(percentile(filtered, 50)),
    filteredOverviewMsP95: round(percentile(filtered, 95)),
    todayMsP50: round(percentile(today, 50)),
    todayMsP95: round(percentile(today, 95)),
    runs,
  };
};

export const reportsBenchmark: Benchmark = {
  summary: 'The main report (overview) over a large event log: projection throughput and query p50/p95',
  help: [
    'Usage: ascolta bench reports [--events 1000000] [--database-url URL] [--database ascolta_bench_reports]',
    '                             [--runs 10] [--keep]',
    '',
    'With --database-url (default DATABASE_URL), a dedicated database (--database) is dropped and created on that',
    'PostgreSQL server, filled with --events synthetic events over 90 days by one generate_series statement,',
    'projected into the report facts, and the overview of the 90 days is run --runs times (after a warm-up);',
    'the database is dropped afterwards unless --keep. Without a URL it runs on an in-memory PGlite',
    '(use fewer events there, e.g. --events 100000). Also times a filtered overview and the today summary.',
  ].join('\n'),
  async run(args, log) {
    const values = parseBenchOptions(args, {
      events: { type: 'string', default: '1000000' },
      'database-url': { type: 'string' },
      database: { type: 'string', default: 'ascolta_bench_reports' },
      runs: { type: 'string', default: '10' },
      keep: { type: 'boolean', default: false },
    });
    const events = Number(values.events);
    const runs = Number(values.runs);
    if (!Number.isInteger(events) || events < 1000) throw new Error('--events must be an integer of at least 1000');
    if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
    if (!/^[a-z_][a-z0-9_]*$/.test(values.database)) throw new Error('--database must be a plain lower-case name');
    const url = values['database-url'] ?? process.env.DATABASE_URL;
    const store = url === undefined ? await createPgliteTestStore() : await openPostgres(url, values.database);
    try {
      const result = await benchStore(store, events, runs, log);
      return { driver: store.driver, ...(url === undefined ? {} : { database: values.database }), ...result };
    } finally {
      await store.close();
      if (url !== undefined && !values.keep) {
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${values.database} WITH (FORCE)`).finally(() => admin.end());
      }
    }
  },
};
