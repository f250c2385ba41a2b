import type pg from 'pg';
import type { RowMode, SqlConnection, SqlDriver } from './sql-driver.ts';

type PgQueryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

const bindSession = (session: PgQueryable): SqlConnection => ({
  async query(text, params, rowMode: RowMode = 'object') {
    const result =
      rowMode === 'array'
        ? await session.query({ text, values: [...params], rowMode: 'array' })
        : await session.query({ text, values: [...params] });
    return { rows: result.rows };
  },
  async exec(script) {
    // The simple protocol runs every statement; pg answers an array of results for more than one.
    const result: pg.QueryResult | pg.QueryResult[] = await session.query(script);
    const last = Array.isArray(result) ? result.at(-1) : result;
    return { rows: last?.rows ?? [] };
  },
});

export const createPostgresDriver = (pool: pg.Pool): SqlDriver => ({
  kind: 'postgres',
  connection: bindSession(pool),
  // PostgreSQL serves requests and jobs on separate connections: jobs never need to hold back.
  isServingRequests: () => false,
  async transaction(work) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(bindSession(client));
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      // The caller needs the error that failed the work; a connection that cannot even roll back is
      // discarded (release with an error) instead of going back to the pool.
      const rollbackFailure = await client.query('ROLLBACK').then(
        () => undefined,
        (failure: unknown) => (failure instanceof Error ? failure : new Error(String(failure))),
      );
      client.release(rollbackFailure);
      throw error;
    }
  },
  close: () => pool.end(),
});
