import type { SqlConnection } from '../sql/sql-driver.ts';
import { createPgBoss } from './create-pg-boss.ts';
import { jobNames } from './job-payload-schemas.ts';

/**
 * pg-boss's `short` policy keeps one *queued* job per singleton key, which is core's `singletonKey` contract;
 * `create-job-queue.ts` gives keyless sends a unique key so they are never merged.
 */
const queuePolicy = 'short' as const;

/**
 * How long a job may stay active before pg-boss takes it back for another worker (default 15 minutes): on
 * PostgreSQL this is how a killed worker's jobs come back. Every handler finishes well within it (platform calls
 * time out after 15 s); one that overran would run twice, which handlers tolerate (idempotent pipeline, claimed
 * sends). Worker maintenance runs every 15 s (create-pg-boss.ts), so a job is back within about 75 s.
 */
export const jobExpirySeconds = 60;

/** Creates (or upgrades) pg-boss's schema and one queue per job name; safe to run concurrently. */
export const installJobSchema = async (connection: SqlConnection): Promise<void> => {
  // The installer runs no background work, so failures surface as rejections of the calls below.
  const boss = createPgBoss(connection, 'installer');
  await boss.start();
  try {
    for (const name of jobNames) {
      const queue = await boss.getQueue(name);
      const options = { name, policy: queuePolicy, expireInSeconds: jobExpirySeconds };
      if (queue === null) await boss.createQueue(name, options);
      else if (queue.policy !== queuePolicy || queue.expireInSeconds !== jobExpirySeconds)
        await boss.updateQueue(name, options);
    }
  } finally {
    await boss.stop({ graceful: false });
  }
};
