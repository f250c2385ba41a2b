import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPostgresStore } from '../store/create-postgres-store.ts';
import type { SqlStore } from '../store/create-sql-store.ts';
import { withAfterClose } from '../store/store-internals.ts';
import { schemaFingerprint } from './pglite-template.ts';

const databaseUrl = (serverUrl: string, database: string): string => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

// Any constant: it serialises template creation across test processes on one server.
const templateLockKey = 4_140_735_772;

/** Creates the migrated template database once per schema; a half-migrated one is never left under its name. */
const ensureTemplate = async (admin: pg.Client, serverUrl: string): Promise<string> => {
  const name = `ascolta_template_${await schemaFingerprint()}`;
  await admin.query('SELECT pg_advisory_lock($1)', [templateLockKey]);
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      const building = `${name}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building}`);
      const store = await createPostgresStore({ url: databaseUrl(serverUrl, building), poolSize: 2 });
      await store.migrate();
      await store.close();
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    }
    return name;
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [templateLockKey]);
  }
};

export interface PostgresTestDatabase {
  /** The new database's URL. */
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh migrated database on the server of `serverUrl` (any database there works to connect), copied
 * from a template with `CREATE DATABASE … TEMPLATE`: milliseconds instead of a migration run.
 */
export const createPostgresTestDatabase = async (serverUrl: string): Promise<PostgresTestDatabase> => {
  const name = `ascolta_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const template = await ensureTemplate(admin, serverUrl);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrl(serverUrl, name),
    async drop() {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
};

/** A store on a fresh test database; `close()` drops the database. */
export const createPostgresTestStore = async (serverUrl: string): Promise<SqlStore> => {
  const database = await createPostgresTestDatabase(serverUrl);
  const store = await createPostgresStore({ url: database.url, poolSize: 4 });
  return withAfterClose(store, database.drop);
};
