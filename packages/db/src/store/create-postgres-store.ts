import { DomainError } from '@ascolta/core';
import pg from 'pg';
import { createPostgresDriver } from '../sql/postgres-driver.ts';
import { createSqlStore, type SqlStore } from './create-sql-store.ts';

export interface PostgresStoreOptions {
  url: string;
  /** Connections in the pool. Default 10. */
  poolSize?: number;
  /** Errors of idle pooled connections (a restarted server); default: written to stderr. */
  onError?: (error: Error) => void;
}

/** The URL as it may be printed: the password replaced. */
export const redactDatabaseUrl = (url: string): string => {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a valid URL)';
  }
};

const reasonOf = (error: unknown): string =>
  error instanceof Error && error.message !== '' ? error.message : String((error as { code?: unknown }).code ?? error);

/** PostgreSQL for scale-out. Fails at once, in one line naming DATABASE_URL, when the server cannot be reached. */
export const createPostgresStore = async (options: PostgresStoreOptions): Promise<SqlStore> => {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
  });
  pool.on('error', options.onError ?? ((error) => process.stderr.write(`postgres pool: ${error.message}\n`)));
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DomainError(
      'unavailable',
      `cannot reach PostgreSQL at DATABASE_URL=${redactDatabaseUrl(options.url)}: ${reasonOf(error)}`,
    );
  }
  return createSqlStore(createPostgresDriver(pool));
};
