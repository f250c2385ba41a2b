import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { SqlConnection, SqlDriver } from '../sql/sql-driver.ts';

const migrationsFolder = new URL('../../migrations/', import.meta.url);

const journal = z.object({ entries: z.array(z.object({ idx: z.number(), tag: z.string() })) });

const createLedger = `CREATE TABLE IF NOT EXISTS ascolta_migrations (
  tag text PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

// Any constant works; it only has to be the same in every process that migrates this database.
const migrationLockKey = 4_140_735_771;

/** The migrations drizzle-kit generated, in order. */
export const readMigrationTags = async (): Promise<string[]> => {
  const text = await readFile(new URL('meta/_journal.json', migrationsFolder), 'utf8');
  return journal
    .parse(JSON.parse(text))
    .entries.sort((a, b) => a.idx - b.idx)
    .map((entry) => entry.tag);
};

const readStatements = async (tag: string): Promise<string[]> => {
  const text = await readFile(new URL(`${tag}.sql`, migrationsFolder), 'utf8');
  return text
    .split('--> statement-breakpoint')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
};

export const listAppliedMigrations = async (connection: SqlConnection): Promise<string[]> => {
  const { rows } = await connection.query(`SELECT tag FROM ascolta_migrations ORDER BY tag`, [], 'array');
  return rows.map((row) => String((row as unknown[])[0]));
};

const hasLedger = async (connection: SqlConnection): Promise<boolean> => {
  const { rows } = await connection.query(`SELECT to_regclass('ascolta_migrations') IS NOT NULL`, [], 'array');
  return (rows[0] as unknown[] | undefined)?.[0] === true;
};

/** Applied migration tags, oldest first; empty on a database nobody migrated yet. */
export const readAppliedMigrations = async (connection: SqlConnection): Promise<string[]> =>
  (await hasLedger(connection)) ? listAppliedMigrations(connection) : [];

/**
 * Applies pending migrations in one transaction under an advisory lock, so several machines starting at
 * once migrate exactly once. Returns the tags it applied.
 */
export const migrateSchema = async (driver: SqlDriver): Promise<string[]> => {
  const tags = await readMigrationTags();
  return driver.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLockKey]);
    await tx.exec(createLedger);
    const applied = new Set(await listAppliedMigrations(tx));
    const pending = tags.filter((tag) => !applied.has(tag));
    for (const tag of pending) {
      for (const statement of await readStatements(tag)) await tx.exec(statement);
      await tx.query('INSERT INTO ascolta_migrations (tag) VALUES ($1)', [tag]);
    }
    return pending;
  });
};
