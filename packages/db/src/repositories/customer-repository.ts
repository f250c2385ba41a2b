import type { CustomerRepository, StoreDriver } from '@ascolta/core';
import { and, eq, sql } from 'drizzle-orm';
import { customers } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict, requireUpdated } from './unique-violation.ts';

/** Advisory lock class of `lockForCare` (1: authors, 2: incident categories). */
const customerLockClass = 3;

export const createCustomerRepository = (db: Database, driver: StoreDriver = 'postgres'): CustomerRepository => {
  const whereCustomer = (workspaceId: string, id: string) =>
    and(eq(customers.workspaceId, workspaceId), eq(customers.id, id));
  return {
    insert: (customer) => insertOrConflict(db.insert(customers).values(customer), `customer ${customer.id}`),
    async get(workspaceId, id) {
      const [row] = await db.select().from(customers).where(whereCustomer(workspaceId, id));
      return row ?? null;
    },
    async update({ id, workspaceId, createdAt: _, ...changes }) {
      const rows = await db
        .update(customers)
        .set(changes)
        .where(whereCustomer(workspaceId, id))
        .returning({ id: customers.id });
      requireUpdated(rows, `customer ${id}`);
    },
    async lockForCare(workspaceId, id) {
      // One PGlite session never runs two transactions at once: nothing to wait for.
      if (driver === 'pglite') return;
      await db.execute(
        sql`SELECT pg_advisory_xact_lock(${customerLockClass}, hashtext(${workspaceId} || '/' || ${id}))`,
      );
    },
  };
};
