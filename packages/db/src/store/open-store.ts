import { createPgliteStore } from './create-pglite-store.ts';
import { createPostgresStore } from './create-postgres-store.ts';
import type { SqlStore } from './create-sql-store.ts';

export interface StoreConfig {
  /** PostgreSQL when set; otherwise the embedded database in `dataDir`. */
  databaseUrl?: string | null;
  dataDir: string;
}

/** The one place that picks a driver. */
export const openStore = (config: StoreConfig): Promise<SqlStore> =>
  config.databaseUrl
    ? createPostgresStore({ url: config.databaseUrl })
    : createPgliteStore({ dataDir: config.dataDir });
