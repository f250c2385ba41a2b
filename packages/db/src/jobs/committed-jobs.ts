import type { JobName } from '@ascolta/core';
import type { SqlDriver } from '../sql/sql-driver.ts';

/**
 * Tells this process's job loops that jobs of some queues were committed here, so an idle loop fetches at once
 * instead of at its next poll (up to a second later). Jobs committed by other processes are still found by polling.
 */
export interface CommittedJobs {
  notify(names: ReadonlySet<JobName>): void;
  subscribe(listener: (names: ReadonlySet<JobName>) => void): () => void;
}

const hubs = new WeakMap<SqlDriver, CommittedJobs>();

/** One hub per database connection of this process, shared by its store and its job runner. */
export const committedJobsOf = (driver: SqlDriver): CommittedJobs => {
  const known = hubs.get(driver);
  if (known !== undefined) return known;
  const listeners = new Set<(names: ReadonlySet<JobName>) => void>();
  const hub: CommittedJobs = {
    notify(names) {
      if (names.size === 0) return;
      for (const listener of listeners) listener(names);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  hubs.set(driver, hub);
  return hub;
};
