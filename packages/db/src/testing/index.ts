/**
 * @ascolta/db/testing — fresh migrated stores for tests (and benchmarks) of any package, and fixtures.
 *
 *   const store = await createTestStore();   // PGlite clone (~0.5 s), or PostgreSQL if TEST_DATABASE_URL is set
 *   afterAll(() => store.close());           // drops the PostgreSQL test database
 *
 * The store contract suite (`describe-store-contract.ts`) stays inside this package: it imports vitest.
 */
export { createPgliteTestStore, createTestStore } from './create-test-store.ts';
export * from './fixtures.ts';
export {
  createPostgresTestDatabase,
  createPostgresTestStore,
  type PostgresTestDatabase,
} from './postgres-test-store.ts';
