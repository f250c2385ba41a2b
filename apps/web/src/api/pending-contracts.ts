/**
 * Shapes the web app expects from endpoints that are not in `@ascolta/contracts` yet (issue #6 is built alongside
 * the REST API). Each one moves to the contracts package as its route lands; screens show "not available yet"
 * while the server answers 404 for the route.
 */
export interface IdentitySummary {
  id: string;
  kind: string;
  channelKind: string | null;
  value: string;
  displayHandle: string | null;
  followers: number;
  isVerified: boolean;
}

export interface TouchpointSummary {
  id: string;
  kind: 'call' | 'email' | 'order' | 'visit' | 'chat' | 'note' | 'other';
  source: string;
  summary: string;
  occurredAt: string;
}

export interface CustomerDetail {
  id: string;
  displayName: string;
  language: string | null;
  valueTier: 'standard' | 'silver' | 'gold' | 'platinum';
  lifetimeValueCents: number;
  purchasesCount: number;
  followers: number;
  isVerified: boolean;
  identities?: readonly IdentitySummary[];
  touchpoints?: readonly TouchpointSummary[];
}
