import type { AgentPreferenceRepository } from '@ascolta/core';
import { and, eq } from 'drizzle-orm';
import { agentPreferences } from '../schema/schema.ts';
import type { Database } from './database.ts';

export const createAgentPreferenceRepository = (db: Database): AgentPreferenceRepository => ({
  async get(workspaceId, agentId) {
    const [row] = await db
      .select({ uiLanguage: agentPreferences.uiLanguage })
      .from(agentPreferences)
      .where(and(eq(agentPreferences.workspaceId, workspaceId), eq(agentPreferences.agentId, agentId)));
    return row ?? null;
  },
  async put(workspaceId, agentId, preferences) {
    await db
      .insert(agentPreferences)
      .values({ workspaceId, agentId, ...preferences })
      .onConflictDoUpdate({ target: agentPreferences.agentId, set: preferences });
  },
});
