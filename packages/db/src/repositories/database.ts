import { drizzle, type PgRemoteDatabase } from 'drizzle-orm/pg-proxy';
import type { SqlConnection } from '../sql/sql-driver.ts';

/** Drizzle bound to one connection (the pool or one transaction); the repositories' only handle. */
export type Database = PgRemoteDatabase;

export const createDatabase = (connection: SqlConnection): Database =>
  // Drizzle maps selected columns from positional rows, so `all` queries ask for array rows.
  drizzle((text, params, method) => connection.query(text, params, method === 'all' ? 'array' : 'object'), {
    casing: 'snake_case',
  });
