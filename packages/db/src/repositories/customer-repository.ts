import type { CustomerRepository, StoreDriver } from '@ascolta/core';
import { type AnyColumn, and, eq, sql } from 'drizzle-orm';
import { crmLookups, customers, identities, messages, surveys, tickets, touchpoints } from '../schema/schema.ts';
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
    async mergeInto(workspaceId, fromId, intoId) {
      // One UPDATE per table that names a customer; the ids each returns give the counts.
      const fromHere = <T extends { workspaceId: AnyColumn; customerId: AnyColumn }>(table: T) =>
        and(eq(table.workspaceId, workspaceId), eq(table.customerId, fromId));
      const to = { customerId: intoId };
      const counted = async (rows: Promise<unknown[]>): Promise<number> => (await rows).length;
      const counts = {
        identities: await counted(
          db.update(identities).set(to).where(fromHere(identities)).returning({ id: identities.id }),
        ),
        tickets: await counted(db.update(tickets).set(to).where(fromHere(tickets)).returning({ id: tickets.id })),
        messages: await counted(db.update(messages).set(to).where(fromHere(messages)).returning({ id: messages.id })),
        touchpoints: await counted(
          db.update(touchpoints).set(to).where(fromHere(touchpoints)).returning({ id: touchpoints.id }),
        ),
        surveys: await counted(db.update(surveys).set(to).where(fromHere(surveys)).returning({ id: surveys.id })),
      };
      await db.update(crmLookups).set({ customerId: intoId }).where(fromHere(crmLookups));
      await db.delete(customers).where(whereCustomer(workspaceId, fromId));
      return counts;
    },
  };
};
