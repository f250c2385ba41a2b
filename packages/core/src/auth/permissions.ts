import type { AgentRole } from '../agent/agent.ts';
import type { ApiKeyScope } from './api-key.ts';

/**
 * The one permission table: each action with the least role a signed-in person needs and the scope an
 * API key needs. Roles are ordered (agent < supervisor < admin); so are scopes (read < write < admin).
 */
export const permissions = {
  'tickets.read': { role: 'agent', scope: 'read' },
  'tickets.reply': { role: 'agent', scope: 'write' },
  'tickets.note': { role: 'agent', scope: 'write' },
  'tickets.assign': { role: 'agent', scope: 'write' },
  'tickets.update': { role: 'agent', scope: 'write' },
  'tickets.merge': { role: 'supervisor', scope: 'write' },
  'messages.read': { role: 'agent', scope: 'read' },
  'messages.convert': { role: 'agent', scope: 'write' },
  'customers.read': { role: 'agent', scope: 'read' },
  'touchpoints.create': { role: 'agent', scope: 'write' },
  'channels.read': { role: 'agent', scope: 'read' },
  'incidents.read': { role: 'agent', scope: 'read' },
  'incidents.publish': { role: 'supervisor', scope: 'write' },
  'settings.read': { role: 'agent', scope: 'read' },
  'settings.update': { role: 'supervisor', scope: 'admin' },
  'apiKeys.manage': { role: 'admin', scope: 'admin' },
  'events.stream': { role: 'agent', scope: 'read' },
} as const satisfies Record<string, { role: AgentRole; scope: ApiKeyScope }>;

export type Permission = keyof typeof permissions;

const roleRank: Record<AgentRole, number> = { agent: 0, supervisor: 1, admin: 2 };
const scopeRank: Record<ApiKeyScope, number> = { read: 0, write: 1, admin: 2 };

/** Who is asking: a signed-in person by role, or an integration by its key's scopes. */
export type Grant = { kind: 'role'; role: AgentRole } | { kind: 'scopes'; scopes: readonly ApiKeyScope[] };

export const isPermitted = (grant: Grant, action: Permission): boolean => {
  const needed = permissions[action];
  if (grant.kind === 'role') return roleRank[grant.role] >= roleRank[needed.role];
  return grant.scopes.some((scope) => scopeRank[scope] >= scopeRank[needed.scope]);
};

/** A sentence for the 403: what was refused and what would allow it. */
export const describeRefusal = (grant: Grant, action: Permission): string => {
  const needed = permissions[action];
  return grant.kind === 'role'
    ? `'${action}' needs the ${needed.role} role or higher; you are ${grant.role === 'agent' ? 'an' : 'a'} ${grant.role}.`
    : `'${action}' needs an API key with the '${needed.scope}' scope.`;
};
