import type { RuleRepository } from '@ascolta/core';
import { and, asc, eq } from 'drizzle-orm';
import { ruleActionsJson, ruleConditionsJson } from '../json/domain-json.ts';
import { rules } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict } from './unique-violation.ts';

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
});
