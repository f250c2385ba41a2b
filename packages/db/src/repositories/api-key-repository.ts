import { type ApiKey, type ApiKeyRepository, apiKeyScopes } from '@ascolta/core';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { apiKeys } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict, requireUpdated } from './unique-violation.ts';

const scopesColumn = z.array(z.enum(apiKeyScopes));

const toApiKey = (row: typeof apiKeys.$inferSelect): ApiKey => ({ ...row, scopes: scopesColumn.parse(row.scopes) });

export const createApiKeyRepository = (db: Database): ApiKeyRepository => ({
  insert: (key) => insertOrConflict(db.insert(apiKeys).values({ ...key, scopes: [...key.scopes] }), 'API key'),
  async findBySecretHash(secretHash) {
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.secretHash, secretHash));
    return row === undefined ? null : toApiKey(row);
  },
  async list(workspaceId) {
    const rows = await db
      .select()
      .from(apiKeys)
      .where(eq(apiKeys.workspaceId, workspaceId))
      .orderBy(asc(apiKeys.createdAt), asc(apiKeys.id));
    return rows.map(toApiKey);
  },
  async revoke(workspaceId, id, at) {
    const rows = await db
      .update(apiKeys)
      .set({ revokedAt: at })
      .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, id)))
      .returning({ id: apiKeys.id });
    requireUpdated(rows, `API key ${id}`);
  },
});
