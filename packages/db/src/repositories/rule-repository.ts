import type { RuleRepository } from '@ascolta/core';
import { and, asc, eq } from 'drizzle-orm';
import { ruleActionsJson, ruleConditionsJson } from '../json/domain-json.ts';
import { rules } from '../schema/schema.ts';
import type { Database } from './database.ts';
import { insertOrConflict } from './unique-violation.ts';
import { workspaceRecord } from './workspace-record.ts';

export const createRuleRepository = (db: Database): RuleRepository => {
  const record = workspaceRecord(db, rules, 'rule');
  return {
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
    update: ({ id, workspaceId, ...changes }) => record.update(workspaceId, id, changes),
    delete: (workspaceId, id) => record.delete(workspaceId, id),
  };
};
