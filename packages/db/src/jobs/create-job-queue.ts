import { randomUUID } from 'node:crypto';
import type { JobQueue } from '@ascolta/core';
import type PgBoss from 'pg-boss';
import type { SqlConnection } from '../sql/sql-driver.ts';
import { toPgBossDb } from './pg-boss-db.ts';

/** Core's `JobQueue` over pg-boss; every send runs on `connection`, so inside a transaction it is part of it. */
export const createJobQueue = (boss: PgBoss, connection: SqlConnection): JobQueue => {
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
    },
    send: (name, data, options = {}) =>
      boss.send(name, data, {
        db,
        ...(options.startAfter === undefined ? {} : { startAfter: options.startAfter }),
        // Queues keep one queued job per key (see install-job-schema.ts): no key must mean no merging.
        singletonKey: options.singletonKey ?? randomUUID(),
        ...(options.retryLimit === undefined ? {} : { retryLimit: options.retryLimit }),
        ...(options.retryDelaySeconds === undefined ? {} : { retryDelay: options.retryDelaySeconds }),
        ...(options.retryBackoff === undefined ? {} : { retryBackoff: options.retryBackoff }),
      }),
  };
};
