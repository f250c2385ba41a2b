import type { TemplateRepository } from '@ascolta/core';
import { and, asc, eq } from 'drizzle-orm';
import { templates } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict, requireUpdated } from './unique-violation.ts';

export const createTemplateRepository = (db: Database): TemplateRepository => ({
  insert: (template) => insertOrConflict(db.insert(templates).values(template), `template ${template.id}`),
  list: (workspaceId, kind) =>
    db
      .select()
      .from(templates)
      .where(and(eq(templates.workspaceId, workspaceId), kind === undefined ? undefined : eq(templates.kind, kind)))
      .orderBy(asc(templates.name), asc(templates.language)),
  async update({ id, workspaceId, ...changes }) {
    const rows = await db
      .update(templates)
      .set(changes)
      .where(and(eq(templates.workspaceId, workspaceId), eq(templates.id, id)))
      .returning({ id: templates.id });
    requireUpdated(rows, `template ${id}`);
  },
  async delete(workspaceId, id) {
    const rows = await db
      .delete(templates)
      .where(and(eq(templates.workspaceId, workspaceId), eq(templates.id, id)))
      .returning({ id: templates.id });
    requireUpdated(rows, `template ${id}`);
  },
});
