import type { SessionRepository } from '@ascolta/core';
import { eq } from 'drizzle-orm';
import { sessions } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict } from './unique-violation.ts';

export const createSessionRepository = (db: Database): SessionRepository => ({
  insert: (session) => insertOrConflict(db.insert(sessions).values(session), 'session'),
  async findByTokenHash(tokenHash) {
    const [row] = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
    return row ?? null;
  },
  async touch(id, lastSeenAt, expiresAt) {
    await db.update(sessions).set({ lastSeenAt, expiresAt }).where(eq(sessions.id, id));
  },
  async delete(id) {
    await db.delete(sessions).where(eq(sessions.id, id));
  },
});
