import type { JobHandler, JobName, Store } from '@ascolta/core';
import { runAsBackground } from '../sql/background-work.ts';
import { driverOf } from '../store/store-internals.ts';
import { committedJobsOf } from './committed-jobs.ts';
import { createPgBoss } from './create-pg-boss.ts';
import { jobPayloadSchemas } from './job-payload-schemas.ts';

export interface JobRunnerOptions {
  /** Jobs of one name handled at once by this process on PostgreSQL (PGlite always runs one). Default 1. */
  concurrency?: number;
  /** How long an idle worker waits before asking for jobs again. Default 1000 ms. */
  pollIntervalMs?: number;
  /**
   * Jobs one loop takes per fetch of `inbound.process`; they run one after another and are completed together.
   * Default 10. A job taken but not completed when the process dies comes back (requeued at start on PGlite,
   * by expiry on PostgreSQL); the pipeline is idempotent, so finished ones then do nothing. Other queues take
   * one job at a time: a send waiting behind others in a batch could outlive its expiry and be claimed twice.
   */
  batchSize?: number;
  /** Failures outside a handler (a lost connection, pg-boss maintenance); default: written to stderr. */
  onError?: (error: Error) => void;
}

export interface JobRunner {
  /** Registers the handler of one job name; call before `start`. */
  work<N extends JobName>(name: N, handler: JobHandler<N>): void;
  start(): Promise<void>;
  /** Stops fetching, lets in-flight jobs finish and records their outcome, then returns. */
  stop(): Promise<void>;
}

type AnyHandler = (job: { id: string; name: JobName; data: unknown }) => Promise<void>;

const reportToStderr = (error: Error): void => {
  process.stderr.write(`job runner: ${error.message}\n`);
};

/** Workers for the jobs of one store, on pg-boss; a failed handler's job is retried with pg-boss's policy. */
export const createJobRunner = (store: Store, options: JobRunnerOptions = {}): JobRunner => {
  const driver = driverOf(store);
  // PGlite is one session on one thread: more loops per queue only add polling, never parallelism.
  const concurrency = driver.kind === 'pglite' ? 1 : Math.max(1, options.concurrency ?? 1);
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const inboundBatchSize = Math.max(1, options.batchSize ?? 10);
  const batchSizeOf = (name: JobName) => (name === 'inbound.process' ? inboundBatchSize : 1);
  const onError = options.onError ?? reportToStderr;
  const boss = createPgBoss(driver.connection, 'worker', onError);
  const handlers = new Map<JobName, AnyHandler>();
  const wakeUps = new Map<JobName, Set<() => void>>();
  let loops: Promise<void>[] = [];
  let isRunning = false;
  let unsubscribe: () => void = () => undefined;

  /** Waits for the next poll, or less when this process commits a job of the queue. */
  const idle = (name: JobName) =>
    new Promise<void>((resolve) => {
      const waiting = wakeUps.get(name) ?? new Set();
      wakeUps.set(name, waiting);
      const wake = () => {
        clearTimeout(timer);
        waiting.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, pollIntervalMs);
      waiting.add(wake);
    });

  const wakeQueues = (names: Iterable<JobName>) => {
    for (const name of names) for (const wake of wakeUps.get(name) ?? []) wake();
  };

  /** Runs one job; true when it succeeded and waits for the batch's completion, false when already failed. */
  const runOne = async (name: JobName, handler: AnyHandler, job: { id: string; data: unknown }) => {
    const payload = jobPayloadSchemas[name].safeParse(job.data);
    if (!payload.success) {
      await boss.fail(name, job.id, { message: `invalid payload: ${payload.error.message}` });
      return false;
    }
    try {
      await runAsBackground(() => handler({ id: job.id, name, data: payload.data }));
    } catch (error) {
      await boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
      return false;
    }
    return true;
  };

  const waitForRequests = async () => {
    // On PGlite requests and jobs share one session: let webhooks be acknowledged before taking more work.
    while (isRunning && driver.isServingRequests()) await new Promise((resolve) => setTimeout(resolve, 2));
  };

  const runBatch = async (name: JobName, handler: AnyHandler, jobs: ReadonlyArray<{ id: string; data: unknown }>) => {
    const done: string[] = [];
    try {
      for (const job of jobs) {
        await waitForRequests();
        if (await runOne(name, handler, job)) done.push(job.id);
      }
    } finally {
      // One statement completes the batch (also when stopping or failing part-way: what ran is done).
      if (done.length > 0) await boss.complete(name, done);
    }
  };

  const loop = async (name: JobName, handler: AnyHandler) => {
    while (isRunning) {
      await waitForRequests();
      try {
        const jobs = await boss.fetch<unknown>(name, { batchSize: batchSizeOf(name) });
        if (jobs.length === 0) await idle(name);
        else await runBatch(name, handler, jobs);
      } catch (error) {
        onError(error instanceof Error ? error : new Error(String(error)));
        await idle(name);
      }
    }
  };

  return {
    work(name, handler) {
      if (isRunning) throw new Error('register job handlers before start()');
      // The payload is parsed against the schema of `name` before the handler sees it.
      handlers.set(name, handler as AnyHandler);
    },
    async start() {
      if (isRunning) return;
      await boss.start();
      // One process owns a PGlite folder (lockfile), so a job still active here was abandoned by a process
      // that died; without this it would wait for pg-boss's expiry (15 minutes). PostgreSQL relies on expiry.
      if (driver.kind === 'pglite') {
        await driver.connection.exec(`UPDATE pgboss.job SET state = 'retry' WHERE state = 'active'`);
      }
      isRunning = true;
      const stopListening = committedJobsOf(driver).subscribe(wakeQueues);
      unsubscribe = () => {
        stopListening();
      };
      loops = [...handlers].flatMap(([name, handler]) =>
        // Fetches and completions are background work too: on PGlite they wait behind requests.
        Array.from({ length: concurrency }, () => runAsBackground(() => loop(name, handler))),
      );
    },
    async stop() {
      if (!isRunning) return;
      isRunning = false;
      unsubscribe();
      wakeQueues([...wakeUps.keys()]);
      await Promise.all(loops);
      loops = [];
      await boss.stop({ graceful: false });
    },
  };
};
