import PgBoss from 'pg-boss';
import type { SqlConnection } from '../sql/sql-driver.ts';
import { toPgBossDb } from './pg-boss-db.ts';

export type PgBossRole = 'producer' | 'installer' | 'worker';

/**
 * A pg-boss instance on our connection. Producers are never started (sending needs no timers); the
 * installer creates pg-boss's schema; workers also run its maintenance (expiry, archiving).
 */
export const createPgBoss = (
  connection: SqlConnection,
  role: PgBossRole,
  onError: (error: Error) => void = () => undefined,
): PgBoss => {
  const boss = new PgBoss({
    db: toPgBossDb(connection),
    migrate: role === 'installer',
    supervise: role === 'worker',
    // Expiry of a dead worker's jobs runs in maintenance; one worker of all does it per interval.
    maintenanceIntervalSeconds: 15,
    schedule: false,
  });
  // An EventEmitter without an `error` listener would crash the process on the first failed poll.
  boss.on('error', onError);
  return boss;
};
