import type { SqlConnection } from '../sql/sql-driver.ts';
import { createPgBoss } from './create-pg-boss.ts';
import { jobNames } from './job-payload-schemas.ts';

/**
 * pg-boss's `short` policy keeps one *queued* job per singleton key, which is core's `singletonKey` contract;
 * `create-job-queue.ts` gives keyless sends a unique key so they are never merged.
 */
const queuePolicy = 'short';

/** Creates (or upgrades) pg-boss's schema and one queue per job name; safe to run concurrently. */
export const installJobSchema = async (connection: SqlConnection): Promise<void> => {
  // The installer runs no background work, so failures surface as rejections of the calls below.
  const boss = createPgBoss(connection, 'installer');
  await boss.start();
  try {
    for (const name of jobNames) {
      const queue = await boss.getQueue(name);
      if (queue === null) await boss.createQueue(name, { name, policy: queuePolicy });
      else if (queue.policy !== queuePolicy) await boss.updateQueue(name, { name, policy: queuePolicy });
    }
  } finally {
    await boss.stop({ graceful: false });
  }
};
