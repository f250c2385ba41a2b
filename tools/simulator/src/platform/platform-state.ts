/** The fake platforms a connector may call. */
export type SimulatedApi = 'x' | 'graph' | 'custom';
export type InjectedFailure = 'auth-expired' | 'rate-limited' | 'temporary';
export type SentPlatform = 'x' | 'facebook' | 'messenger' | 'instagram' | 'whatsapp' | 'custom';

/** One call of the product that the simulator accepted: what a test asserts on. */
export interface SentRecord {
  sequence: number;
  platform: SentPlatform;
  action: 'tweet' | 'dm' | 'comment-reply' | 'private-reply' | 'message' | 'template' | 'callback';
  /** The id the simulator gave the new object. */
  externalId: string;
  /** The conversation it landed in: the root post/tweet, the DM conversation, the customer's number. */
  threadExternalId: string;
  recipient: string | null;
  inReplyTo: string | null;
  text: string;
  /** The request body exactly as the product sent it. */
  body: unknown;
  sentAt: Date;
}

/** A tweet on the simulated X timeline (what mentions and recent search return). */
export interface SimulatedTweet {
  id: string;
  text: string;
  author: { id: string; username: string; name: string; followers: number; verified: boolean };
  conversationId: string;
  inReplyToId: string | null;
  mentionedUserIds: readonly string[];
  createdAt: Date;
  lang: string;
}

export interface SimulatedAccounts {
  pageId: string;
  instagramId: string;
  whatsappPhoneId: string;
  xAccountId: string;
  xHandle: string;
}

export const demoAccounts: SimulatedAccounts = {
  pageId: '100000000000001',
  instagramId: '17840000000000001',
  whatsappPhoneId: '100000000000002',
  xAccountId: '1000000000000000001',
  xHandle: 'ascolta_demo',
};

/** Everything the fake platforms remember; one instance per simulator. */
export interface PlatformState {
  accounts: SimulatedAccounts;
  sent: SentRecord[];
  failures: Record<SimulatedApi, InjectedFailure[]>;
  /** Object id → thread id, for objects delivered by the traffic generator or created by replies. */
  threads: Map<string, string>;
  tweets: SimulatedTweet[];
  /** Comments that already received their one private reply. */
  privatelyAnswered: Set<string>;
  /** Comment or media id → what the Graph API returns for an Instagram @mention of the account. */
  instagramMentions: Map<string, { text: string; username: string; timestamp: string }>;
  nextId(): number;
}

export const createPlatformState = (accounts: SimulatedAccounts = demoAccounts): PlatformState => {
  let counter = 0;
  return {
    accounts,
    sent: [],
    failures: { x: [], graph: [], custom: [] },
    threads: new Map(),
    tweets: [],
    privatelyAnswered: new Set(),
    instagramMentions: new Map(),
    nextId: () => {
      counter += 1;
      return counter;
    },
  };
};

export const record = (state: PlatformState, fields: Omit<SentRecord, 'sequence' | 'sentAt'>): SentRecord => {
  const entry = { ...fields, sequence: state.sent.length + 1, sentAt: new Date() };
  state.sent.push(entry);
  state.threads.set(entry.externalId, entry.threadExternalId);
  return entry;
};

export const threadOf = (state: PlatformState, objectId: string): string => state.threads.get(objectId) ?? objectId;
