import type PgBoss from 'pg-boss';
import type { SqlConnection } from '../sql/sql-driver.ts';

/**
 * pg-boss's `db` option over our connection, so it runs on PGlite as on PostgreSQL and, per send, inside
 * the caller's transaction. Its schema scripts are many statements without parameters, which only the
 * simple protocol (`exec`) accepts; everything with parameters is one statement.
 */
export const toPgBossDb = (connection: SqlConnection): PgBoss.Db => ({
  executeSql: (text: string, values?: unknown[]) =>
    values === undefined || values.length === 0 ? connection.exec(text) : connection.query(text, values),
});
