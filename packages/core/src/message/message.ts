import type { ChannelKind } from '../channel/channel.ts';
import type { Triage, Visibility } from '../triage/triage.ts';

export type MessageDirection = 'inbound' | 'outbound';

/** What the platform said this is, after normalisation. */
export const messageTypes = ['post', 'comment', 'reply', 'mention', 'direct', 'email', 'unsupported'] as const;
export type MessageType = (typeof messageTypes)[number];

export interface Attachment {
  kind: 'image' | 'video' | 'audio' | 'file' | 'sticker' | 'link' | 'other';
  /** Kept by reference: the platform's URL or id, never downloaded into the database. */
  url: string | null;
  mimeType: string | null;
  name: string | null;
}

/** One post, comment, DM or e-mail, normalised by a connector. */
export interface InboundMessage {
  channelKind: ChannelKind;
  type: MessageType;
  visibility: Visibility;
  /** Platform id, unique within the channel: the idempotency key together with the channel. */
  externalId: string;
  /** The conversation it belongs to on the platform: the root post, the DM thread, the e-mail thread. */
  threadExternalId: string;
  /** The platform id of the message it answers, if any. */
  inReplyToExternalId: string | null;
  authorExternalId: string;
  authorHandle: string;
  authorName: string | null;
  authorFollowers: number | null;
  authorIsVerified: boolean;
  text: string;
  /** Language hint from the platform, ISO 639-1, if it gave one. */
  language: string | null;
  receivedAt: Date;
  attachments: readonly Attachment[];
  /** E-mail subject, or null. */
  subject: string | null;
  /** Platform-specific fields kept for replies (e.g. e-mail Message-ID and References). */
  metadata: Readonly<Record<string, unknown>>;
}

export type DeliveryState = 'received' | 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

/** A stored message, inbound or outbound. */
export interface Message {
  id: string;
  workspaceId: string;
  channelId: string;
  channelKind: ChannelKind;
  direction: MessageDirection;
  type: MessageType;
  visibility: Visibility;
  externalId: string;
  threadExternalId: string;
  inReplyToExternalId: string | null;
  customerId: string | null;
  ticketId: string | null;
  /** For outbound messages: the agent who wrote it, or null for the bot. */
  authorAgentId: string | null;
  authorHandle: string;
  /** The author's platform user id (inbound), as `InboundMessage.authorExternalId`; absent on older rows. */
  authorExternalId?: string | null;
  authorName?: string | null;
  authorFollowers?: number | null;
  authorIsVerified?: boolean;
  text: string;
  language: string | null;
  subject: string | null;
  attachments: readonly Attachment[];
  metadata: Readonly<Record<string, unknown>>;
  triage: Triage | null;
  /** Why a non-actionable inbound message did not become a ticket. */
  ignoredReason: string | null;
  deliveryState: DeliveryState;
  deliveryError: string | null;
  receivedAt: Date;
  createdAt: Date;
}

/** A reply to send through a channel. */
export interface OutboundMessage {
  channelKind: ChannelKind;
  visibility: Visibility;
  /** The platform id of the message being answered (a comment, a tweet, an e-mail), if any. */
  inReplyToExternalId: string | null;
  threadExternalId: string;
  /** The recipient on the platform: user id, PSID, phone number, e-mail address. */
  recipientExternalId: string;
  text: string;
  subject: string | null;
  /** Connector-specific options (WhatsApp template name, Messenger tag, e-mail References). */
  metadata: Readonly<Record<string, unknown>>;
}
