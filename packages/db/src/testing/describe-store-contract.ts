import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlStore } from '../store/create-sql-store.ts';
import { describeConfigContract } from './config-contract.ts';
import type { CurrentStore } from './current-store.ts';
import { describeCustomerMergeContract } from './customer-merge-contract.ts';
import { aWorkspace } from './fixtures.ts';
import { describeJobContract } from './job-contract.ts';
import { describeMessageContract } from './message-contract.ts';
import { describeRecordContract } from './record-contract.ts';
import { describeTicketContract } from './ticket-contract.ts';

export interface ReopenableDatabase {
  /** Opens the database; callable again after the previous store was closed. */
  open(): Promise<SqlStore>;
  dispose(): Promise<void>;
}

export interface StoreHarness {
  /** Why this run cannot happen here (e.g. no PostgreSQL configured), or null to run it. */
  skipReason: string | null;
  /** A fresh, migrated, empty store. */
  createStore(): Promise<SqlStore>;
  /** A migrated database that survives closing its store. */
  createReopenable(): Promise<ReopenableDatabase>;
}

/**
 * The behaviour every store driver must show. Cases share one store and isolate themselves by workspace
 * id, so the suite costs one database, not one per case.
 */
export const describeStoreContract = (name: string, harness: StoreHarness): void => {
  if (harness.skipReason !== null) {
    describe.skip(`${name} store contract (skipped: ${harness.skipReason})`, () => {
      it('needs a database', () => undefined);
    });
    return;
  }
  describe(`${name} store contract`, () => {
    let store: SqlStore | null = null;
    const current: CurrentStore = () => {
      if (store === null) throw new Error('the store is not open yet');
      return store;
    };
    beforeAll(async () => {
      store = await harness.createStore();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('reports its driver and applied migrations', async () => {
      const status = await current().status();
      expect(status.driver).toBe(name);
      expect(status.migrations.length).toBeGreaterThan(0);
      expect(status.pendingMigrations).toEqual([]);
      expect(await current().migrate()).toEqual([]);
    });

    describeRecordContract(current);
    describeConfigContract(current);
    describeTicketContract(current);
    describeMessageContract(current);
    describeJobContract(current);
    describeCustomerMergeContract(current);

    it('keeps its data across close and reopen', async () => {
      const database = await harness.createReopenable();
      try {
        const first = await database.open();
        await first.workspaces.insert(aWorkspace('durable'));
        await first.close();
        const second = await database.open();
        expect((await second.workspaces.get('durable'))?.name).toBe('Workspace durable');
        await second.close();
      } finally {
        await database.dispose();
      }
    });
  });
};
