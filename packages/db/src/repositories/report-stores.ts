import type { ReportProjectionStore, Store } from '@ascolta/core';
import { driverOf } from '../store/store-internals.ts';
import { createReportProjectionRepository } from './report-projection-repository.ts';
import { createReportRepository, type ReportRepository } from './report-repository.ts';

export interface ReportStores {
  /** What `projectReportEvents` folds the event log through. */
  projection: ReportProjectionStore;
  /** The report queries over the projection. */
  reports: ReportRepository;
  /** Vacuums the facts and refreshes the planner's statistics after a bulk fold, as autovacuum does in time. */
  vacuum(): Promise<void>;
}

/**
 * The reports' own access to a store opened by this package: read-only aggregation and idempotent
 * projection writes, outside any request transaction (like the job runner, through the store's driver).
 */
export const reportStoresOf = (store: Store): ReportStores => {
  const driver = driverOf(store);
  return {
    projection: createReportProjectionRepository(driver.connection, store),
    reports: createReportRepository(driver),
    async vacuum() {
      // Re-folding a ticket rewrites its row: a bulk fold leaves as many dead rows as it folded.
      await driver.connection.query('VACUUM ANALYZE report_ticket_facts', []);
      await driver.connection.query('VACUUM ANALYZE report_message_facts', []);
    },
  };
};
