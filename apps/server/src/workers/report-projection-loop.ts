import { type Clock, projectReportEvents, type Store } from '@ascolta/core';
import { reportStoresOf } from '@ascolta/db';

export interface ReportProjectionLoop {
  stop(): Promise<void>;
}

/** How often the worker folds new events into the report facts; report requests also catch up themselves. */
export const reportProjectionIntervalMs = 5000;

/**
 * Keeps the report projection close to the event log in the background: every few seconds, folds whatever
 * is new until it has caught up. Safe beside other processes doing the same (the projection is idempotent
 * and its cursor never moves back); a failure is logged and retried on the next tick.
 */
export const startReportProjectionLoop = (
  store: Store,
  clock: Clock,
  log: (line: string) => void,
  intervalMs = reportProjectionIntervalMs,
): ReportProjectionLoop => {
  const { projection } = reportStoresOf(store);
  let current: Promise<void> | null = null;
  let isStopped = false;
  const fold = async () => {
    try {
      for (;;) {
        const result = await projectReportEvents(projection, clock.now());
        if (result.isCaughtUp || isStopped) return;
      }
    } catch (error) {
      log(
        `report projection failed, retrying in ${intervalMs} ms: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  const tick = () => {
    if (current !== null || isStopped) return;
    current = fold().finally(() => {
      current = null;
    });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      isStopped = true;
      clearInterval(timer);
      await current;
    },
  };
};
