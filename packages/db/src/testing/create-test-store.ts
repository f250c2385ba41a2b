import { createEphemeralPgliteStore } from '../store/create-pglite-store.ts';
import type { SqlStore } from '../store/create-sql-store.ts';
import { pgliteTemplate } from './pglite-template.ts';
import { createPostgresTestStore } from './postgres-test-store.ts';

/** A fresh, migrated, empty in-memory PGlite store, cloned from the template image. */
export const createPgliteTestStore = async (): Promise<SqlStore> =>
  createEphemeralPgliteStore({ loadDataDir: await pgliteTemplate() });

/**
 * A fresh, migrated, empty store for one test: PostgreSQL when `TEST_DATABASE_URL` is set (a new database,
 * dropped on close), PGlite in memory otherwise. Close it in `afterEach`/`afterAll`.
 */
export const createTestStore = (): Promise<SqlStore> => {
  const url = process.env.TEST_DATABASE_URL;
  return url ? createPostgresTestStore(url) : createPgliteTestStore();
};
