import type { JobHandler, JobName, Store } from '@ascolta/core';
import { runAsBackground } from '../sql/background-work.ts';
import { driverOf } from '../store/store-internals.ts';
import { committedJobsOf } from './committed-jobs.ts';
import { createPgBoss } from './create-pg-boss.ts';
import { jobPayloadSchemas } from './job-payload-schemas.ts';

export interface JobRunnerOptions {
  /** Jobs of one name handled at once by this process on PostgreSQL (PGlite always runs one). Default 1. */
  concurrency?: number;
  /**
   * How often one query asks which queues have jobs due (delayed jobs, retries, jobs of other processes) and
   * wakes their idle loops. Default 1000 ms. Jobs committed by this process wake their loop at once.
   */
  pollIntervalMs?: number;
  /**
   * Jobs one loop takes per fetch of `inbound.process` (run one after another) and of `outbound.send` (run at
   * once: a send waiting behind others could outlive its expiry and be claimed twice); each batch is completed
   * in one statement. Default 10. A job taken but not completed when the process dies comes back (requeued at
   * start on PGlite, by expiry on PostgreSQL); both handlers are idempotent, so finished ones then do nothing.
   * Other queues take one job at a time.
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

interface Batching {
  size: number;
  /** The batch's jobs run at the same time rather than one after another. */
  isConcurrent: boolean;
}

/** Idle loops fetch on their own only once per this many polls; the due-jobs poll wakes them otherwise. */
const idleFetchIntervals = 30;

/** The queues among `$1` with a job that could be fetched now (pg-boss's own fetch condition). */
const dueQueuesSql = `SELECT DISTINCT name FROM pgboss.job
  WHERE name = ANY($1::text[]) AND state < 'active' AND start_after < now()`;

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
  const batchSize = Math.max(1, options.batchSize ?? 10);
  const batchings: Partial<Record<JobName, Batching>> = {
    'inbound.process': { size: batchSize, isConcurrent: false },
    'outbound.send': { size: batchSize, isConcurrent: true },
  };
  const batchingOf = (name: JobName): Batching => batchings[name] ?? { size: 1, isConcurrent: false };
  const onError = options.onError ?? reportToStderr;
  const boss = createPgBoss(driver.connection, 'worker', onError);
  const handlers = new Map<JobName, AnyHandler>();
  const wakeUps = new Map<JobName, Set<() => void>>();
  let loops: Promise<void>[] = [];
  let isRunning = false;
  let stopPolling: () => void = () => undefined;
  let unsubscribe: () => void = () => undefined;

  /**
   * Waits until the queue may have work: this process committed a job of it, or the due-jobs poll saw one.
   * A fetch every `idleFetchIntervals` polls still runs, should a poll have failed.
   */
  const idle = (name: JobName) =>
    new Promise<void>((resolve) => {
      const waiting = wakeUps.get(name) ?? new Set();
      wakeUps.set(name, waiting);
      const wake = () => {
        clearTimeout(timer);
        waiting.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, pollIntervalMs * idleFetchIntervals);
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
    const runAndNote = async (job: { id: string; data: unknown }) => {
      await waitForRequests();
      if (await runOne(name, handler, job)) done.push(job.id);
    };
    try {
      if (batchingOf(name).isConcurrent) await Promise.all(jobs.map(runAndNote));
      else for (const job of jobs) await runAndNote(job);
    } finally {
      // One statement completes the batch (also when stopping or failing part-way: what ran is done).
      if (done.length > 0) await boss.complete(name, done);
    }
  };

  const loop = async (name: JobName, handler: AnyHandler) => {
    while (isRunning) {
      await waitForRequests();
      try {
        const jobs = await boss.fetch<unknown>(name, { batchSize: batchingOf(name).size });
        if (jobs.length === 0) await idle(name);
        else await runBatch(name, handler, jobs);
      } catch (error) {
        onError(error instanceof Error ? error : new Error(String(error)));
        await idle(name);
      }
    }
  };

  /** One query per interval for every queue, instead of a fetch per queue: idle loops cost almost nothing. */
  const pollDueQueues = async () => {
    while (isRunning) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollIntervalMs);
        stopPolling = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (!isRunning) return;
      try {
        const { rows } = await driver.connection.query(dueQueuesSql, [[...handlers.keys()]]);
        wakeQueues(rows.map((row) => (row as { name: JobName }).name));
      } catch (error) {
        onError(error instanceof Error ? error : new Error(String(error)));
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
      loops.push(runAsBackground(pollDueQueues));
    },
    async stop() {
      if (!isRunning) return;
      isRunning = false;
      stopPolling();
      unsubscribe();
      wakeQueues([...wakeUps.keys()]);
      await Promise.all(loops);
      loops = [];
      await boss.stop({ graceful: false });
    },
  };
};
