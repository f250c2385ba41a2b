import type { CustomerRepository } from '@ascolta/core';
import { and, eq } from 'drizzle-orm';
import { customers } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict, requireUpdated } from './unique-violation.ts';

export const createCustomerRepository = (db: Database): CustomerRepository => {
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
  };
};
