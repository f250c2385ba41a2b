/** The networks Ascolta speaks to. Adding one must not compile until every registry handles it. */
export const channelKinds = ['x', 'facebook', 'messenger', 'instagram', 'whatsapp', 'email', 'custom'] as const;
export type ChannelKind = (typeof channelKinds)[number];

export type ChannelHealthState = 'ok' | 'auth-expired' | 'rate-limited' | 'failing';

export interface ChannelHealth {
  state: ChannelHealthState;
  lastError: string | null;
  lastErrorAt: Date | null;
  /** When a rate-limited channel may send again. */
  retryAfter: Date | null;
}

/** A configured connection: an X account, a Facebook page, a WhatsApp number, a mailbox. */
export interface Channel {
  id: string;
  workspaceId: string;
  kind: ChannelKind;
  name: string;
  /** The platform's id for the account: page id, IG account id, phone-number id, X user id, mailbox address. */
  externalAccountId: string;
  /** Our own handle on the platform (e.g. `@ascolta_demo`), used to recognise echoes of our own posts. */
  handle: string | null;
  /** Connector settings that are not secrets (brand terms, polling interval, SMTP host…). */
  settings: Readonly<Record<string, unknown>>;
  health: ChannelHealth;
  isActive: boolean;
  createdAt: Date;
}
