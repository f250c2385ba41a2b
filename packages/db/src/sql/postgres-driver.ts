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
  async transaction(work) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(bindSession(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  },
  close: () => pool.end(),
});
