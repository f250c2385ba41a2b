/** A signed-in agent's server-side session. Only a hash of the cookie's random token is stored. */
export interface Session {
  id: string;
  workspaceId: string;
  agentId: string;
  /** Hex SHA-256 of the token the browser holds. */
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
}

export const uiLanguages = ['it', 'en'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

/** What an agent chose for the web app; absent until the first choice. */
export interface AgentPreferences {
  uiLanguage: UiLanguage;
}
