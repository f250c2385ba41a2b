import type { Rule } from './rule.ts';

/** An active `message.received` priority rule of workspace `ws`, named after its id unless given a name. */
export const aRule = (overrides: Partial<Rule> & Pick<Rule, 'id' | 'conditions' | 'actions'>): Rule => ({
  workspaceId: 'ws',
  kind: 'priority',
  name: overrides.id,
  when: 'message.received',
  position: 0,
  isActive: true,
  ...overrides,
});
