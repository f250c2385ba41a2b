import type { RuleRepository } from '@ascolta/core';
import { and, asc, eq } from 'drizzle-orm';
import { ruleActionsJson, ruleConditionsJson } from '../json/domain-json.ts';
import { rules } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict, requireUpdated } from './unique-violation.ts';

export const createRuleRepository = (db: Database): RuleRepository => ({
  insert: (rule) => insertOrConflict(db.insert(rules).values(rule), `rule ${rule.id}`),
  async list(workspaceId, kind) {
    const rows = await db
      .select()
      .from(rules)
      .where(and(eq(rules.workspaceId, workspaceId), kind === undefined ? undefined : eq(rules.kind, kind)))
      .orderBy(asc(rules.position), asc(rules.id));
    return rows.map((row) => ({
      ...row,
      conditions: ruleConditionsJson.parse(row.conditions),
      actions: ruleActionsJson.parse(row.actions),
    }));
  },
  async update({ id, workspaceId, ...changes }) {
    const rows = await db
      .update(rules)
      .set(changes)
      .where(and(eq(rules.workspaceId, workspaceId), eq(rules.id, id)))
      .returning({ id: rules.id });
    requireUpdated(rows, `rule ${id}`);
  },
  async delete(workspaceId, id) {
    const rows = await db
      .delete(rules)
      .where(and(eq(rules.workspaceId, workspaceId), eq(rules.id, id)))
      .returning({ id: rules.id });
    requireUpdated(rows, `rule ${id}`);
  },
});
