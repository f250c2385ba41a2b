/**
 * @ascolta/db/testing — fresh migrated stores for tests of any package, and the store contract suite.
 *
 *   const store = await createTestStore();   // PGlite clone (~0.5 s), or PostgreSQL if TEST_DATABASE_URL is set
 *   afterAll(() => store.close());           // drops the PostgreSQL test database
 */
export { createPgliteTestStore, createTestStore } from './create-test-store.ts';
export type { CurrentStore } from './current-store.ts';
export {
  describeStoreContract,
  type ReopenableDatabase,
  type StoreHarness,
} from './describe-store-contract.ts';
export * from './fixtures.ts';
export {
  createPostgresTestDatabase,
  createPostgresTestStore,
  type PostgresTestDatabase,
} from './postgres-test-store.ts';
