export const apiKeyScopes = ['read', 'write', 'admin'] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

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
