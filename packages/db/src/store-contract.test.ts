import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgliteStore } from './store/create-pglite-store.ts';
import { createPostgresStore } from './store/create-postgres-store.ts';
import { createPgliteTestStore } from './testing/create-test-store.ts';
import { describeStoreContract } from './testing/describe-store-contract.ts';
import { createPostgresTestDatabase, createPostgresTestStore } from './testing/postgres-test-store.ts';

describeStoreContract('pglite', {
  skipReason: null,
  createStore: createPgliteTestStore,
  async createReopenable() {
    const dataDir = await mkdtemp(join(tmpdir(), 'ascolta-reopen-'));
    return {
      async open() {
        const store = await createPgliteStore({ dataDir });
        await store.migrate();
        return store;
      },
      dispose: () => rm(dataDir, { recursive: true, force: true }),
    };
  },
});

const postgresUrl = process.env.TEST_DATABASE_URL;

describeStoreContract('postgres', {
  skipReason: postgresUrl
    ? null
    : 'TEST_DATABASE_URL is not set; CI sets it, locally use TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres',
  createStore: () => createPostgresTestStore(postgresUrl ?? ''),
  async createReopenable() {
    const database = await createPostgresTestDatabase(postgresUrl ?? '');
    return { open: () => createPostgresStore({ url: database.url }), dispose: database.drop };
  },
});
