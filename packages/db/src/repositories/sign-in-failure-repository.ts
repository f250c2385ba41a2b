import type { SignInFailureRepository } from '@ascolta/core';
import { and, asc, eq, gte } from 'drizzle-orm';
import { signInFailures } from '../schema/schema.ts';
import type { Database } from './database.ts';

export const createSignInFailureRepository = (db: Database): SignInFailureRepository => ({
  async record(email, at) {
    await db.insert(signInFailures).values({ email, occurredAt: at });
  },
  async listSince(email, since) {
    const rows = await db
      .select({ occurredAt: signInFailures.occurredAt })
      .from(signInFailures)
      .where(and(eq(signInFailures.email, email), gte(signInFailures.occurredAt, since)))
      .orderBy(asc(signInFailures.occurredAt));
    return rows.map((row) => row.occurredAt);
  },
  async clear(email) {
    await db.delete(signInFailures).where(eq(signInFailures.email, email));
  },
});
