import type { StoreDriver } from '@ascolta/core';

export type RowMode = 'object' | 'array';

/** One session on the database: the autocommit pool, or one open transaction. */
export interface SqlConnection {
  /** One statement with `$1…` parameters; `array` rows are what Drizzle maps selected columns from. */
  query(text: string, params: readonly unknown[], rowMode?: RowMode): Promise<{ rows: unknown[] }>;
  /** Several statements, no parameters (migrations, pg-boss's schema scripts); the rows of the last. */
  exec(script: string): Promise<{ rows: unknown[] }>;
}

/** What the store needs from a database technology; PGlite and node-postgres each implement it once. */
export interface SqlDriver {
  readonly kind: StoreDriver;
  readonly connection: SqlConnection;
  /**
   * Runs `work` in one transaction on one connection; commits when it resolves, rolls back when it throws.
   * On PGlite the database is one session: do not touch `connection` from inside `work`, it waits for the end.
   */
  transaction<T>(work: (connection: SqlConnection) => Promise<T>): Promise<T>;
  /** True while a request's transaction runs or waits; job loops hold back then (PGlite, one session). */
  isServingRequests(): boolean;
  close(): Promise<void>;
}
