import { conditionOperators, priorityBands, ruleFactFields, ruleKinds, ruleTriggers } from '@ascolta/core';
import { z } from 'zod';

const factFields = Object.keys(ruleFactFields) as [keyof typeof ruleFactFields, ...(keyof typeof ruleFactFields)[]];
const text = z.string().trim().min(1).max(200);

const ruleCondition = z
  .object({
    field: z.enum(factFields, { error: `field must be one of: ${factFields.join(', ')}` }),
    operator: z.enum(conditionOperators),
    value: z.union([z.string().max(500), z.number(), z.boolean(), z.array(z.string().max(200)).min(1).max(100)]),
  })
  .superRefine((condition, context) => {
    const type = ruleFactFields[condition.field];
    const { operator, value } = condition;
    const fail = (message: string) => context.addIssue({ code: 'custom', path: ['value'], message });
    if (operator === 'in' && !Array.isArray(value)) fail("'in' needs a list of values");
    if (operator !== 'in' && Array.isArray(value)) fail(`'${operator}' needs a single value, not a list`);
    if ((operator === 'greater-than' || operator === 'less-than') && (type !== 'number' || typeof value !== 'number')) {
      fail(`'${operator}' compares numbers: ${condition.field} is a ${type}`);
    }
    if (operator === 'contains' && type !== 'string' && type !== 'list') {
      fail(`'contains' looks inside text or lists: ${condition.field} is a ${type}`);
    }
    if (type === 'boolean' && operator !== 'in' && typeof value !== 'boolean') {
      fail(`${condition.field} is true or false`);
    }
  });

const ruleAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('add-priority'), points: z.number().int().min(-100).max(100) }),
  z.object({ type: z.literal('set-priority-band'), band: z.enum(priorityBands) }),
  z.object({ type: z.literal('assign-team'), teamId: z.uuid() }),
  z.object({ type: z.literal('assign-agent'), agentId: z.uuid() }),
  z.object({ type: z.literal('set-category'), category: text }),
  z.object({ type: z.literal('ignore'), reason: text }),
]);

/** A supervisor rule: when a message is received, if every condition holds, apply the actions in order. */
export const ruleBody = z.object({
  kind: z.enum(ruleKinds),
  name: text,
  when: z.enum(ruleTriggers).default('message.received'),
  conditions: z.array(ruleCondition).max(20),
  actions: z.array(ruleAction).min(1, 'a rule needs at least one action').max(20),
  position: z.number().int().min(0).max(10_000).default(0),
  isActive: z.boolean().default(true),
});
export const ruleDto = ruleBody.extend({ id: z.string() });
export type RuleDto = z.infer<typeof ruleDto>;
export const ruleListQuery = z.object({ kind: z.enum(ruleKinds).optional() });
