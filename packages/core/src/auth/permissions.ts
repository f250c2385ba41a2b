import type { AgentRole } from '../agent/agent.ts';
import type { ApiKeyScope, ResourceScope } from './api-key.ts';

/**
 * The one permission table: each action with the least role a signed-in person needs and the scope an
 * API key needs. A route names its action (`requirePermission(context, request, 'reports.read')`); adding
 * an action here is all it takes to protect a new route for both kinds of caller.
 */
export const permissions = {
  'tickets.read': { role: 'agent', scope: 'tickets:read' },
  'tickets.reply': { role: 'agent', scope: 'tickets:write' },
  'tickets.note': { role: 'agent', scope: 'tickets:write' },
  'tickets.assign': { role: 'agent', scope: 'tickets:write' },
  'tickets.update': { role: 'agent', scope: 'tickets:write' },
  'tickets.merge': { role: 'supervisor', scope: 'tickets:write' },
  'tickets.createInCrm': { role: 'agent', scope: 'crm:write' },
  'messages.read': { role: 'agent', scope: 'messages:read' },
  'messages.convert': { role: 'agent', scope: 'messages:write' },
  'customers.read': { role: 'agent', scope: 'customers:read' },
  'customers.merge': { role: 'supervisor', scope: 'customers:write' },
  'customers.dismissLink': { role: 'agent', scope: 'customers:write' },
  'touchpoints.create': { role: 'agent', scope: 'customers:write' },
  'channels.read': { role: 'agent', scope: 'channels:read' },
  'incidents.read': { role: 'agent', scope: 'incidents:read' },
  'incidents.publish': { role: 'supervisor', scope: 'incidents:write' },
  'settings.read': { role: 'agent', scope: 'settings:read' },
  'settings.update': { role: 'supervisor', scope: 'settings:manage' },
  'reports.read': { role: 'supervisor', scope: 'reports:read' },
  'apiKeys.manage': { role: 'admin', scope: 'api-keys:manage' },
  'webhooks.manage': { role: 'admin', scope: 'webhooks:manage' },
  'crm.manage': { role: 'admin', scope: 'crm:manage' },
  'events.stream': { role: 'agent', scope: 'events:read' },
} as const satisfies Record<string, { role: AgentRole; scope: ResourceScope }>;

export type Permission = keyof typeof permissions;

type ScopeLevel = 'read' | 'write' | 'manage';

const roleRank: Record<AgentRole, number> = { agent: 0, supervisor: 1, admin: 2 };
const levelRank: Record<ScopeLevel, number> = { read: 0, write: 1, manage: 2 };
/** The broad scopes of the first release, as the highest level they grant on every resource. */
const broadLevel: Record<Exclude<ApiKeyScope, ResourceScope>, ScopeLevel> = {
  read: 'read',
  write: 'write',
  admin: 'manage',
};

const splitScope = (scope: ResourceScope): { resource: string; level: ScopeLevel } => {
  const [resource = '', level] = scope.split(':');
  return { resource, level: level as ScopeLevel };
};

const isResourceScope = (scope: ApiKeyScope): scope is ResourceScope => scope.includes(':');

/** Does a key holding `held` satisfy `needed`? Same resource at the same or a higher level, or a broad scope. */
export const scopeCovers = (held: ApiKeyScope, needed: ResourceScope): boolean => {
  const want = splitScope(needed);
  if (!isResourceScope(held)) return levelRank[broadLevel[held]] >= levelRank[want.level];
  const have = splitScope(held);
  return have.resource === want.resource && levelRank[have.level] >= levelRank[want.level];
};

/** Who is asking: a signed-in person by role, or an integration by its key's scopes. */
export type Grant = { kind: 'role'; role: AgentRole } | { kind: 'scopes'; scopes: readonly ApiKeyScope[] };

export const isPermitted = (grant: Grant, action: Permission): boolean => {
  const needed = permissions[action];
  if (grant.kind === 'role') return roleRank[grant.role] >= roleRank[needed.role];
  return grant.scopes.some((scope) => scopeCovers(scope, needed.scope));
};

/** The scope a key would need for `action` (the 403 names it). */
export const scopeFor = (action: Permission): ResourceScope => permissions[action].scope;

/** A sentence for the 403: what was refused and what would allow it. */
export const describeRefusal = (grant: Grant, action: Permission): string => {
  const needed = permissions[action];
  return grant.kind === 'role'
    ? `'${action}' needs the ${needed.role} role or higher; you are ${grant.role === 'agent' ? 'an' : 'a'} ${grant.role}.`
    : `'${action}' needs an API key with the '${needed.scope}' scope; this key has ${grant.scopes.map((scope) => `'${scope}'`).join(', ')}.`;
};
