import type { CrmLookup, CrmLookupOutcome, CrmRepository } from '@ascolta/core';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { crmConnections, crmLookups, crmTicketLinks } from '../schema/schema.ts';
import type { Database } from './database.ts';

const outcomeColumn: z.ZodType<CrmLookupOutcome> = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('found'),
    record: z.object({
      crmId: z.string(),
      valueTier: z.enum(['standard', 'silver', 'gold', 'platinum']).optional(),
      lifetimeValueCents: z.number().optional(),
      purchasesCount: z.number().optional(),
      purchases: z
        .array(
          z.object({
            id: z.string(),
            at: z.string().optional(),
            amountCents: z.number().optional(),
            description: z.string().optional(),
          }),
        )
        .optional(),
    }),
  }),
  z.object({ kind: z.literal('not-found') }),
]);

const toLookup = (row: typeof crmLookups.$inferSelect): CrmLookup => ({
  ...row,
  outcome: row.result === null ? null : outcomeColumn.parse(row.result),
});

export const createCrmRepository = (db: Database): CrmRepository => ({
  async getConnection(workspaceId) {
    const [row] = await db.select().from(crmConnections).where(eq(crmConnections.workspaceId, workspaceId));
    return row ?? null;
  },
  async putConnection(connection) {
    const { workspaceId: _, ...changes } = connection;
    await db
      .insert(crmConnections)
      .values(connection)
      .onConflictDoUpdate({ target: crmConnections.workspaceId, set: changes });
  },
  async getLookup(workspaceId, lookupKey) {
    const [row] = await db
      .select()
      .from(crmLookups)
      .where(and(eq(crmLookups.workspaceId, workspaceId), eq(crmLookups.lookupKey, lookupKey)));
    return row === undefined ? null : toLookup(row);
  },
  async putLookup({ outcome, ...lookup }) {
    const row = { ...lookup, outcome: outcome?.kind ?? null, result: outcome };
    const { workspaceId: _, lookupKey: __, ...changes } = row;
    await db
      .insert(crmLookups)
      .values(row)
      .onConflictDoUpdate({ target: [crmLookups.workspaceId, crmLookups.lookupKey], set: changes });
  },
  async getTicketLink(workspaceId, ticketId) {
    const [row] = await db
      .select()
      .from(crmTicketLinks)
      .where(and(eq(crmTicketLinks.workspaceId, workspaceId), eq(crmTicketLinks.ticketId, ticketId)));
    return row ?? null;
  },
  async putTicketLink(link) {
    const { ticketId: _, createdAt: __, ...changes } = link;
    await db.insert(crmTicketLinks).values(link).onConflictDoUpdate({ target: crmTicketLinks.ticketId, set: changes });
  },
});
