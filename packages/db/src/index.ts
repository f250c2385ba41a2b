/**
 * @ascolta/db — the store: one schema and one set of migrations on PGlite (embedded) and PostgreSQL.
 *
 *   const store = await openStore({ databaseUrl: env.DATABASE_URL, dataDir: './data' });
 *   await store.migrate();                 // idempotent, safe from several processes
 *   await store.transaction(async (tx) => { await tx.tickets.insert(…); await tx.jobs.send('sla.check', …); });
 *   const runner = createJobRunner(store, { concurrency: 2 });
 *   runner.work('sla.check', async (job) => { … });
 *   await runner.start(); … await runner.stop(); await store.close();
 *
 * Opening a PGlite folder another live process holds throws `StoreLockedError`; an unreachable PostgreSQL
 * throws `DomainError('unavailable')` whose one-line message names DATABASE_URL (password hidden).
 * Tests get fresh migrated stores from `@ascolta/db/testing`.
 */
export { createJobRunner, type JobRunner, type JobRunnerOptions } from './jobs/create-job-runner.ts';
export { createIntegrationStore } from './repositories/integration-store.ts';
export type { ReportRepository } from './repositories/report-repository.ts';
export { type ReportStores, reportStoresOf } from './repositories/report-stores.ts';
export { insertSyntheticReportEvents, type SyntheticReportLoad } from './repositories/report-synthetic-events.ts';
export type { ReportTicketRow, TicketRowsOptions } from './repositories/report-ticket-rows.ts';
export {
  createEphemeralPgliteStore,
  createPgliteStore,
  type EphemeralPgliteStoreOptions,
  type PgliteStoreOptions,
} from './store/create-pglite-store.ts';
export { createPostgresStore, type PostgresStoreOptions, redactDatabaseUrl } from './store/create-postgres-store.ts';
export type { SqlStore, StoreStatus } from './store/create-sql-store.ts';
export { openStore, type StoreConfig } from './store/open-store.ts';
export { StoreLockedError } from './store/store-locked-error.ts';
