import { randomUUID } from 'node:crypto';
import type { JobName, JobQueue } from '@ascolta/core';
import type PgBoss from 'pg-boss';
import type { SqlConnection } from '../sql/sql-driver.ts';
import { toPgBossDb } from './pg-boss-db.ts';

/** A delayed job (a timer, a retry) is found by the due-jobs poll when its time comes; waking a loop now is waste. */
const isDueNow = (options: { startAfter?: Date } = {}) =>
  options.startAfter === undefined || options.startAfter.getTime() <= Date.now();

/**
 * Core's `JobQueue` over pg-boss; every send runs on `connection`, so inside a transaction it is part of it.
 * `onSent` learns which queues got jobs due now (the store tells this process's idle job loops once they are committed).
 */
export const createJobQueue = (
  boss: PgBoss,
  connection: SqlConnection,
  onSent: (names: ReadonlySet<JobName>) => void = () => undefined,
): JobQueue => {
  const db = toPgBossDb(connection);
  return {
    async sendMany(jobs) {
      if (jobs.length === 0) return;
      // pg-boss's batch insert: one statement, `ON CONFLICT DO NOTHING` keeps the singleton rule of `send`.
      await boss.insert(
        jobs.map(({ name, data, options = {} }) => ({
          name,
          data,
          singletonKey: options.singletonKey ?? randomUUID(),
          ...(options.startAfter === undefined ? {} : { startAfter: options.startAfter.toISOString() }),
          ...(options.retryLimit === undefined ? {} : { retryLimit: options.retryLimit }),
          ...(options.retryDelaySeconds === undefined ? {} : { retryDelay: options.retryDelaySeconds }),
          ...(options.retryBackoff === undefined ? {} : { retryBackoff: options.retryBackoff }),
        })),
        { db },
      );
      onSent(new Set(jobs.filter((job) => isDueNow(job.options)).map((job) => job.name)));
    },
    async send(name, data, options = {}) {
      const id = await boss.send(name, data, {
        db,
        ...(options.startAfter === undefined ? {} : { startAfter: options.startAfter }),
        // Queues keep one queued job per key (see install-job-schema.ts): no key must mean no merging.
        singletonKey: options.singletonKey ?? randomUUID(),
        ...(options.retryLimit === undefined ? {} : { retryLimit: options.retryLimit }),
        ...(options.retryDelaySeconds === undefined ? {} : { retryDelay: options.retryDelaySeconds }),
        ...(options.retryBackoff === undefined ? {} : { retryBackoff: options.retryBackoff }),
      });
      if (isDueNow(options)) onSent(new Set([name]));
      return id;
    },
  };
};
