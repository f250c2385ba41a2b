/**
 * What an API key may do, `resource:level`. Levels are ordered (`read` < `write` < `manage`): a key with
 * `tickets:write` may also read tickets. The three broad scopes of the first release stay valid and cover
 * every resource at their level: `read` → every `*:read`, `write` → `*:read` and `*:write`, `admin` → all.
 */
export const apiKeyScopes = [
  'tickets:read',
  'tickets:write',
  'messages:read',
  'messages:write',
  'customers:read',
  'customers:write',
  'channels:read',
  'incidents:read',
  'incidents:write',
  'settings:read',
  'settings:manage',
  'reports:read',
  'events:read',
  'webhooks:manage',
  'crm:write',
  'crm:manage',
  'api-keys:manage',
  'read',
  'write',
  'admin',
] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

/** The scopes a permission can name: one resource at one level (the broad scopes are for keys only). */
export type ResourceScope = Extract<ApiKeyScope, `${string}:${string}`>;

/** An integration's credential. Only a hash of the secret is stored. */
export interface ApiKey {
  id: string;
  workspaceId: string;
  name: string;
  /** Hex SHA-256 of the secret. */
  secretHash: string;
  scopes: readonly ApiKeyScope[];
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}
