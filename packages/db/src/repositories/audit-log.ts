import type { AuditLog } from '@ascolta/core';
import { auditLog } from '../schema/schema.ts';
import type { Database } from './database.ts';

export const createAuditLog = (db: Database): AuditLog => ({
  async record(entry) {
    await db.insert(auditLog).values(entry);
  },
});
