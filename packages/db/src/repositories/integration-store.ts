import type { IntegrationRepositories, IntegrationStore, JobName, Store } from '@ascolta/core';
import { committedJobsOf } from '../jobs/committed-jobs.ts';
import { createPgBoss } from '../jobs/create-pg-boss.ts';
import type { SqlConnection } from '../sql/sql-driver.ts';
import { createRepositories } from '../store/create-repositories.ts';
import { driverOf } from '../store/store-internals.ts';
import { createCrmRepository } from './crm-repository.ts';
import { createDatabase } from './database.ts';
import { withDriverErrors } from './driver-errors.ts';
import { createEventCursorRepository } from './event-cursor-repository.ts';
import { createWebhookDeliveryRepository } from './webhook-delivery-repository.ts';
import { createWebhookEndpointRepository } from './webhook-endpoint-repository.ts';

const createIntegrationRepositories = (connection: SqlConnection): IntegrationRepositories => {
  const db = createDatabase(connection);
  return {
    webhookEndpoints: withDriverErrors(createWebhookEndpointRepository(db)),
    webhookDeliveries: withDriverErrors(createWebhookDeliveryRepository(db)),
    eventCursors: withDriverErrors(createEventCursorRepository(db)),
    crm: withDriverErrors(createCrmRepository(db)),
  };
};

/**
 * The integrations' tables on the database of a store opened by this package. Kept beside core's `Store`
 * rather than in it: the pipeline never touches them, and its in-memory test repositories need not either.
 * On PGlite, do not use `store` inside `transaction`'s callback (one session): use `tx`.
 */
export const createIntegrationStore = (store: Store): IntegrationStore => {
  const driver = driverOf(store);
  const boss = createPgBoss(driver.connection, 'producer');
  const committed = committedJobsOf(driver);
  return {
    ...createIntegrationRepositories(driver.connection),
    async transaction(work) {
      // As the store does: once committed, this process's idle job loops hear of the jobs sent here at once.
      const sent = new Set<JobName>();
      const noteSent = (names: ReadonlySet<JobName>) => {
        for (const name of names) sent.add(name);
      };
      const result = await driver.transaction((connection) =>
        work({
          ...createRepositories(connection, boss, driver.kind, noteSent),
          ...createIntegrationRepositories(connection),
        }),
      );
      committed.notify(sent);
      return result;
    },
  };
};
