import type { Agent, AgentRepository } from '@ascolta/core';
import { and, asc, eq } from 'drizzle-orm';
import { agents } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict, requireUpdated } from './unique-violation.ts';

type AgentRow = typeof agents.$inferSelect;

const toAgent = ({ passwordHash: _, ...row }: AgentRow): Agent => row;

const columnsOf = (agent: Agent) => ({
  ...agent,
  skills: [...agent.skills],
  languages: [...agent.languages],
  teamIds: [...agent.teamIds],
});

export const createAgentRepository = (db: Database): AgentRepository => {
  const whereAgent = (workspaceId: string, id: string) => and(eq(agents.workspaceId, workspaceId), eq(agents.id, id));
  return {
    insert: (agent, passwordHash) =>
      insertOrConflict(db.insert(agents).values({ ...columnsOf(agent), passwordHash }), `agent ${agent.email}`),
    async get(workspaceId, id) {
      const [row] = await db.select().from(agents).where(whereAgent(workspaceId, id));
      return row === undefined ? null : toAgent(row);
    },
    async list(workspaceId) {
      const rows = await db.select().from(agents).where(eq(agents.workspaceId, workspaceId)).orderBy(asc(agents.name));
      return rows.map(toAgent);
    },
    async update(agent) {
      const { id, workspaceId, createdAt: _, ...changes } = columnsOf(agent);
      const rows = await db.update(agents).set(changes).where(whereAgent(workspaceId, id)).returning({ id: agents.id });
      requireUpdated(rows, `agent ${id}`);
    },
    async setPasswordHash(workspaceId, id, passwordHash) {
      const rows = await db
        .update(agents)
        .set({ passwordHash })
        .where(whereAgent(workspaceId, id))
        .returning({ id: agents.id });
      requireUpdated(rows, `agent ${id}`);
    },
    async lockForAssignment(workspaceId, id) {
      const [row] = await db.select().from(agents).where(whereAgent(workspaceId, id)).for('update');
      return row === undefined ? null : toAgent(row);
    },
    async findCredentialsByEmail(email) {
      const [row] = await db.select().from(agents).where(eq(agents.email, email));
      return row === undefined ? null : { agent: toAgent(row), passwordHash: row.passwordHash };
    },
  };
};
