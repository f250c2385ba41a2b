import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgliteDriver } from '../sql/pglite-driver.ts';
import { createSqlStore, type SqlStore } from './create-sql-store.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';

export interface PgliteStoreOptions {
  /** The embedded database's folder; created when missing, owned by one process at a time. */
  dataDir: string;
}

/** The embedded default: PostgreSQL compiled to WASM, in a local folder. */
export const createPgliteStore = async ({ dataDir }: PgliteStoreOptions): Promise<SqlStore> => {
  const lock = await acquireDataDirLock(dataDir);
  try {
    // No extensions: every open of one folder must load the same set, and none is needed.
    const pglite = await PGlite.create({ dataDir: join(dataDir, 'pgdata') });
    return createSqlStore(createPgliteDriver(pglite, lock.release));
  } catch (error) {
    await lock.release();
    throw error;
  }
};

export interface EphemeralPgliteStoreOptions {
  /** A `dumpDataDir()` image to start from (a migrated template), instead of an empty database. */
  loadDataDir?: Blob | File;
}

/** An in-memory database that vanishes on close: tests and benchmarks. */
export const createEphemeralPgliteStore = async (options: EphemeralPgliteStoreOptions = {}): Promise<SqlStore> => {
  const pglite = await PGlite.create(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir });
  return createSqlStore(createPgliteDriver(pglite, async () => undefined));
};
