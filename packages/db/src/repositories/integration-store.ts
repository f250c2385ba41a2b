import type { IntegrationRepositories, IntegrationStore, Store } from '@ascolta/core';
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
  return {
    ...createIntegrationRepositories(driver.connection),
    transaction: (work) =>
      driver.transaction((connection) =>
        work({ ...createRepositories(connection, boss), ...createIntegrationRepositories(connection) }),
      ),
  };
};
