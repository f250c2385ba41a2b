import type { TemplateRepository } from '@ascolta/core';
import { and, asc, eq } from 'drizzle-orm';
import { templates } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict } from './unique-violation.ts';
import { workspaceRecord } from './workspace-record.ts';

export const createTemplateRepository = (db: Database): TemplateRepository => {
  const record = workspaceRecord(db, templates, 'template');
  return {
    insert: (template) => insertOrConflict(db.insert(templates).values(template), `template ${template.id}`),
    list: (workspaceId, kind) =>
      db
        .select()
        .from(templates)
        .where(and(eq(templates.workspaceId, workspaceId), kind === undefined ? undefined : eq(templates.kind, kind)))
        .orderBy(asc(templates.name), asc(templates.language)),
    update: ({ id, workspaceId, ...changes }) => record.update(workspaceId, id, changes),
    delete: (workspaceId, id) => record.delete(workspaceId, id),
  };
};
