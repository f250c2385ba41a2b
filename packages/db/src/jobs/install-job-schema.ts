import type { SqlConnection } from '../sql/sql-driver.ts';
import { createPgBoss } from './create-pg-boss.ts';
import { jobNames } from './job-payload-schemas.ts';

/** Creates (or upgrades) pg-boss's schema and one queue per job name; safe to run concurrently. */
export const installJobSchema = async (connection: SqlConnection): Promise<void> => {
  // The installer runs no background work, so failures surface as rejections of the calls below.
  const boss = createPgBoss(connection, 'installer');
  await boss.start();
  try {
    for (const name of jobNames) {
      if ((await boss.getQueue(name)) === null) await boss.createQueue(name);
    }
  } finally {
    await boss.stop({ graceful: false });
  }
};
