import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from '@ascolta/core';
import { createPgliteStore, createPostgresStore } from '@ascolta/db';
import { createPostgresTestDatabase } from '@ascolta/db/testing';
import { demoChannels, demoWorkspaceId, loadConfig, startServer, startWorkers, type Workers } from '@ascolta/server';
import {
  demoAccounts,
  demoSecrets,
  facebookCommentDelivery,
  signDelivery,
  startPlatformSimulator,
} from '@ascolta/simulator';
import { parseBenchOptions } from './bench-options.ts';
import { type Benchmark, percentile, round } from './benchmark.ts';

const binPath = resolve(fileURLToPath(new URL('../../apps/server/bin/ascolta.mjs', import.meta.url)));

/** `ascolta start --role worker` in a process of its own: on a multi-core machine, as a deployment runs it. */
const spawnWorker = (env: Record<string, string>) =>
  new Promise<ChildProcess>((done, fail) => {
    const child = spawn(process.execPath, [binPath, 'start', '--role', 'worker'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('worker running')) done(child);
    });
    child.once('exit', (code) => fail(new Error(`worker exited with ${code}: ${output}`)));
  });

const stopWorker = (child: ChildProcess) =>
  new Promise<void>((done) => {
    if (child.exitCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });

const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

const texts = [
  'Ordine A{n} non arrivato, aiuto',
  'La fibra non funziona da ieri sera',
  'Grazie mille, servizio ottimo!',
  'Mi avete addebitato due volte la bolletta {n}',
  'My order A{n} never arrived, please help',
];

/** One signed Facebook comment per index, due at start + index/rate. */
const delivery = (index: number, at: Date) =>
  signDelivery(
    {
      platform: 'meta',
      body: facebookCommentDelivery({
        pageId: demoAccounts.pageId,
        postId: `${demoAccounts.pageId}_88`,
        commentId: `88_${at.getTime()}_${index}`,
        from: { id: String(7000 + index), name: `Cliente ${index}` },
        message: (texts[index % texts.length] ?? '').replace('{n}', String(100000 + index)),
        at,
      }),
    },
    demoSecrets,
    at,
  );

const isProcessed = async (store: Store, id: string) => {
  const message = await store.messages.get(demoWorkspaceId, id);
  return message !== null && (message.triage !== null || message.ignoredReason !== null);
};

/**
 * Open loop at `rate`; each accepted delivery is looked up by its comment id and watched until the pipeline
 * stored its triage and ticket (or ignore reason). Watching is a poll every 100 ms: latencies carry up to
 * that much observation delay.
 */
const drive = async (url: string, store: Store, rate: number, seconds: number, capSeconds: number) => {
  const total = Math.round(rate * seconds);
  const at = new Date();
  const started = performance.now();
  const pending = new Map<string, number>();
  const latencies: number[] = [];
  let lastProcessedAt = started;
  let accepted = 0;
  const sends = Array.from({ length: total }, async (_, index) => {
    const due = started + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((done) => setTimeout(done, wait));
    const signed = delivery(index, at);
    const response = await fetch(`${url}${signed.path}`, {
      method: 'POST',
      headers: signed.headers,
      body: signed.rawBody,
    });
    await response.arrayBuffer();
    if (!response.ok) return;
    accepted += 1;
    const stored = await store.messages.findByExternalId(demoChannels.facebook.id, `88_${at.getTime()}_${index}`);
    if (stored !== null) pending.set(stored.id, due);
  });
  const sent = Promise.all(sends);
  let isSending = true;
  void sent.then(() => {
    isSending = false;
  });
  const deadline = started + (seconds + capSeconds) * 1000;
  while ((isSending || pending.size > 0) && performance.now() < deadline) {
    await new Promise((done) => setTimeout(done, 100));
    for (const [id, due] of [...pending].slice(0, 100)) {
      if (!(await isProcessed(store, id))) continue;
      lastProcessedAt = performance.now();
      latencies.push(lastProcessedAt - due);
      pending.delete(id);
    }
  }
  await sent;
  const elapsedSeconds = (lastProcessedAt - started) / 1000;
  return { total, accepted, processed: latencies.length, elapsedSeconds, latencies: latencies.sort((a, b) => a - b) };
};

/** The server on PGlite (one process does all), or on PostgreSQL: an API server plus `workers` worker runners. */
const startPipeline = async (
  databaseUrl: string | undefined,
  workers: number,
  inProcess: boolean,
  log: (line: string) => void,
) => {
  const platform = await startPlatformSimulator();
  const database = databaseUrl === undefined ? null : await createPostgresTestDatabase(databaseUrl);
  const env: Record<string, string> = {
    PORT: String(await freePort()),
    ASCOLTA_DEMO: '1',
    LOG_LEVEL: 'silent',
    ASCOLTA_SMTP_PORT: '0',
    META_GRAPH_URL: platform.graphBaseUrl,
    X_API_URL: platform.url,
    // Worker runners outside the server get no demo defaults: the simulator takes any bearer token.
    META_ACCESS_TOKEN: 'bench-token',
    X_ACCESS_TOKEN: 'bench-token',
    ...(database === null ? {} : { DATABASE_URL: database.url }),
  };
  const config = loadConfig(env);
  // PGlite as `npm start` runs it: a data folder (a new one, removed at the end), not an in-memory image.
  const dataDir = database === null ? mkdtempSync(join(tmpdir(), 'ascolta-bench-pipeline-')) : null;
  const store =
    database === null
      ? await createPgliteStore({ dataDir: dataDir ?? '' })
      : await createPostgresStore({ url: database.url });
  if (database === null) await store.migrate();
  const server = await startServer(config, database === null ? 'all' : 'api', () => undefined, { store });
  const runners: Array<{ store: Store; workers: Workers }> = [];
  const children: ChildProcess[] = [];
  for (let index = 0; database !== null && index < workers; index += 1) {
    if (!inProcess) {
      children.push(await spawnWorker({ ...env, PORT: String(await freePort()) }));
      continue;
    }
    const workerStore = await createPostgresStore({ url: database.url, poolSize: 4 });
    runners.push({ store: workerStore, workers: await startWorkers(workerStore, config, { log }) });
  }
  const where = inProcess ? 'in this process' : 'worker processes';
  log(`pipeline ready at ${server.url} on ${database === null ? 'PGlite' : `PostgreSQL with ${workers} ${where}`}`);
  return {
    url: server.url ?? '',
    store: server.store,
    async stop() {
      await Promise.all(children.map(stopWorker));
      for (const runner of runners) {
        await runner.workers.stop();
        await runner.store.close();
      }
      await server.stop();
      await platform.close();
      await database?.drop();
      if (dataDir !== null) rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

export const pipelineBenchmark: Benchmark = {
  summary: 'Inbound messages through the whole pipeline: webhook accepted → triaged, ticketed and routed',
  help: [
    'Usage: ascolta bench pipeline [--rate 30] [--seconds 10] [--url postgres://…] [--workers 2] [--in-process]',
    '',
    'Starts the server in this process with the simulator as the platforms (the bot replies are really sent),',
    'on PGlite in a new data folder (as npm start runs it), or with --url on a new PostgreSQL database served by one API server and',
    '--workers worker processes (`ascolta start --role worker`; with --in-process, runners inside this process,',
    'sharing its one thread with the API server and this driver). Sends new signed Facebook comments open-loop',
    'at --rate per second for --seconds (mixed complaints, questions and praise), and watches each until the pipeline has stored its',
    'outcome. Prints processed per second and webhook-due → processed latency (p50/p99, ±100 ms polling).',
  ].join('\n'),
  async run(args, log) {
    const values = parseBenchOptions(args, {
      rate: { type: 'string', default: '30' },
      seconds: { type: 'string', default: '10' },
      url: { type: 'string' },
      workers: { type: 'string', default: '2' },
      'in-process': { type: 'boolean', default: false },
    });
    const rate = Number(values.rate);
    const seconds = Number(values.seconds);
    if (!(rate > 0) || !(seconds > 0)) throw new Error('--rate and --seconds must be positive numbers');
    const inProcess = values['in-process'] === true;
    const pipeline = await startPipeline(values.url, Number(values.workers), inProcess, log);
    try {
      const result = await drive(pipeline.url, pipeline.store, rate, seconds, 40);
      return {
        store: values.url === undefined ? 'pglite' : 'postgres',
        workers: values.url === undefined ? 1 : Number(values.workers),
        workerProcesses: values.url !== undefined && !inProcess,
        targetRatePerSecond: rate,
        deliveries: result.total,
        accepted: result.accepted,
        processed: result.processed,
        processedPerSecond: round(result.processed / result.elapsedSeconds),
        latencyMsP50: round(percentile(result.latencies, 50)),
        latencyMsP99: round(percentile(result.latencies, 99)),
        latencyMsMax: round(result.latencies.at(-1) ?? Number.NaN),
      };
    } finally {
      await pipeline.stop();
    }
  },
};
