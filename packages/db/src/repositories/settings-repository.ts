import type { SettingsRepository } from '@ascolta/core';
import { eq, sql } from 'drizzle-orm';
import { workspaceSettingsJson } from '../json/domain-json.ts';
import { workspaceSettings } from '../schema/schema.ts';
import type { Database } from './database.ts';

export const createSettingsRepository = (db: Database): SettingsRepository => ({
  async get(workspaceId) {
    const [row] = await db.select().from(workspaceSettings).where(eq(workspaceSettings.workspaceId, workspaceId));
    return row === undefined ? null : workspaceSettingsJson.parse(row.document);
  },
  async put(workspaceId, settings) {
    await db
      .insert(workspaceSettings)
      .values({ workspaceId, document: settings })
      .onConflictDoUpdate({
        target: workspaceSettings.workspaceId,
        set: { document: settings, updatedAt: sql`now()` },
      });
  },
});
