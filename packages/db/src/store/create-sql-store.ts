import type { JobName, Store, StoreDriver } from '@ascolta/core';
import { committedJobsOf } from '../jobs/committed-jobs.ts';
import { createPgBoss } from '../jobs/create-pg-boss.ts';
import { installJobSchema } from '../jobs/install-job-schema.ts';
import type { SqlDriver } from '../sql/sql-driver.ts';
import { createTransactionScope } from '../sql/transaction-scope.ts';
import { createRepositories } from './create-repositories.ts';
import { migrateSchema, readAppliedMigrations, readMigrationTags } from './migrate-schema.ts';
import { rememberDriver } from './store-internals.ts';

export interface StoreStatus {
  driver: StoreDriver;
  /** Applied migration tags, oldest first (for `/health`). */
  migrations: string[];
  /** Migrations this release ships that the database has not applied yet. */
  pendingMigrations: string[];
}

/** Core's `Store` plus what an app needs to run it. */
export interface SqlStore extends Store {
  /** Applies pending migrations and installs the job queues; returns the migration tags it applied. */
  migrate(): Promise<string[]>;
  status(): Promise<StoreStatus>;
}

export const createSqlStore = (driver: SqlDriver): SqlStore => {
  const boss = createPgBoss(driver.connection, 'producer');
  // The migrations this release ships never change while it runs; `/health` asks often.
  const shipped = readMigrationTags();
  const scope = createTransactionScope();
  const committed = committedJobsOf(driver);
  const store: SqlStore = {
    // Outside a transaction a send has committed by itself when it returns.
    ...createRepositories(scope.guard(driver.connection), boss, driver.kind, (names) => committed.notify(names)),
    driver: driver.kind,
    async transaction(work) {
      scope.assertOutside();
      const sent = new Set<JobName>();
      const noteSent = (names: ReadonlySet<JobName>) => {
        for (const name of names) sent.add(name);
      };
      const result = await driver.transaction((connection) =>
        scope.run(() => work(createRepositories(connection, boss, driver.kind, noteSent))),
      );
      committed.notify(sent);
      return result;
    },
    async migrate() {
      const applied = await migrateSchema(driver);
      await installJobSchema(driver.connection);
      return applied;
    },
    async status() {
      const [shippedTags, migrations] = await Promise.all([shipped, readAppliedMigrations(driver.connection)]);
      const applied = new Set(migrations);
      return {
        driver: driver.kind,
        migrations,
        pendingMigrations: shippedTags.filter((tag) => !applied.has(tag)),
      };
    },
    close: () => driver.close(),
  };
  rememberDriver(store, driver);
  return store;
};
