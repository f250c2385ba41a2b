import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoAccounts, demoSecrets, facebookCommentDelivery, signDelivery } from '@ascolta/simulator';
import { parseBenchOptions } from './bench-options.ts';
import { type Benchmark, percentile, round } from './benchmark.ts';

const binPath = resolve(fileURLToPath(new URL('../../apps/server/bin/ascolta.mjs', import.meta.url)));

const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

/** Starts `ascolta start` in demo mode on an empty PGlite folder; resolves when /health answers. */
const startServer = async (log: (line: string) => void) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ascolta-ingest-bench-'));
  const port = await freePort();
  const child = spawn(process.execPath, [binPath, 'start'], {
    env: { ...process.env, PORT: String(port), ASCOLTA_DATA_DIR: dataDir, ASCOLTA_DEMO: '1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`ascolta start exited with ${child.exitCode}`);
    const healthy = await fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    await new Promise((done) => setTimeout(done, 500));
  }
  log(`server ready at ${url} (data in ${dataDir})`);
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((done) => child.once('exit', done));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/**
 * Open loop: delivery i is due at start + i/rate whether or not earlier ones were answered, and its
 * latency counts from when it was due, so a slow server cannot hide its backlog (no coordinated omission).
 */
const drive = async (url: string, rate: number, seconds: number, secret: string) => {
  const total = Math.round(rate * seconds);
  const at = new Date();
  const bodies = Array.from({ length: total }, (_, index) =>
    signDelivery(
      {
        platform: 'meta',
        body: facebookCommentDelivery({
          pageId: demoAccounts.pageId,
          postId: `${demoAccounts.pageId}_77`,
          commentId: `77_${at.getTime()}${index}`,
          from: { id: String(9000 + (index % 500)), name: 'Bench' },
          message: `Ordine A${100000 + index} non arrivato, aiuto`,
          at,
        }),
      },
      { ...demoSecrets, metaAppSecret: secret },
      at,
    ),
  );
  const latencies: number[] = [];
  let accepted = 0;
  const failures = new Map<number, number>();
  const started = performance.now();
  await Promise.all(
    bodies.map(async (signed, index) => {
      const due = started + (index * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((done) => setTimeout(done, wait));
      const response = await fetch(`${url}${signed.path}`, {
        method: 'POST',
        headers: signed.headers,
        body: signed.rawBody,
      }).catch(() => null);
      await response?.arrayBuffer();
      latencies.push(performance.now() - due);
      if (response?.ok) accepted += 1;
      else failures.set(response?.status ?? 0, (failures.get(response?.status ?? 0) ?? 0) + 1);
    }),
  );
  const elapsedSeconds = (performance.now() - started) / 1000;
  return {
    total,
    accepted,
    elapsedSeconds,
    latencies: latencies.sort((a, b) => a - b),
    failures: Object.fromEntries(failures),
  };
};

export const ingestBenchmark: Benchmark = {
  summary: 'Signed Meta webhooks at a fixed rate into a real server on PGlite: accepted/s and ack latency',
  help: [
    'Usage: ascolta bench ingest [--rate 50] [--seconds 20] [--target URL] [--meta-app-secret S]',
    '',
    'Without --target it starts `ascolta start` in demo mode on an empty PGlite folder. Each delivery is a',
    'new Facebook comment (unique id), signed with X-Hub-Signature-256; deliveries are sent open-loop at',
    '--rate per second and latency counts from when each was due. Prints accepted per second, p50/p99/max',
    'acknowledgement milliseconds and failures by HTTP status.',
  ].join('\n'),
  async run(args, log) {
    const values = parseBenchOptions(args, {
      rate: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '20' },
      target: { type: 'string' },
      'meta-app-secret': { type: 'string', default: demoSecrets.metaAppSecret },
    });
    const rate = Number(values.rate);
    const seconds = Number(values.seconds);
    if (!(rate > 0) || !(seconds > 0)) throw new Error('--rate and --seconds must be positive numbers');
    const server =
      values.target === undefined ? await startServer(log) : { url: values.target, stop: async () => undefined };
    try {
      const result = await drive(server.url, rate, seconds, values['meta-app-secret']);
      return {
        store: values.target === undefined ? 'pglite' : 'external',
        targetRatePerSecond: rate,
        deliveries: result.total,
        accepted: result.accepted,
        acceptedPerSecond: round(result.accepted / result.elapsedSeconds),
        ackMsP50: round(percentile(result.latencies, 50)),
        ackMsP99: round(percentile(result.latencies, 99)),
        ackMsMax: round(result.latencies.at(-1) ?? Number.NaN),
        failuresByStatus: result.failures,
      };
    } finally {
      await server.stop();
    }
  },
};
