import type { IdentityRepository } from '@ascolta/core';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { identities } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict } from './unique-violation.ts';

export const createIdentityRepository = (db: Database): IdentityRepository => ({
  insert: (identity) =>
    insertOrConflict(
      db.insert(identities).values(identity),
      `identity ${identity.kind}:${identity.channelKind ?? '*'}:${identity.value}`,
    ),
  async find(workspaceId, kind, channelKind, value) {
    const [row] = await db
      .select()
      .from(identities)
      .where(
        and(
          eq(identities.workspaceId, workspaceId),
          eq(identities.kind, kind),
          channelKind === null ? isNull(identities.channelKind) : eq(identities.channelKind, channelKind),
          eq(identities.value, value),
        ),
      );
    return row ?? null;
  },
  listByCustomer: (workspaceId, customerId) =>
    db
      .select()
      .from(identities)
      .where(and(eq(identities.workspaceId, workspaceId), eq(identities.customerId, customerId)))
      .orderBy(asc(identities.createdAt), asc(identities.id)),
});
