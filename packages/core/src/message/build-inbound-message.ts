import type { InboundMessage } from './message.ts';

type KnownFields = Pick<
  InboundMessage,
  'channelKind' | 'type' | 'visibility' | 'externalId' | 'threadExternalId' | 'authorExternalId' | 'text' | 'receivedAt'
>;

/** Fills the fields a platform may not provide, so each connector's normaliser names only what it knows. */
export const buildInboundMessage = (fields: KnownFields & Partial<InboundMessage>): InboundMessage => ({
  inReplyToExternalId: null,
  authorHandle: fields.authorExternalId,
  authorName: null,
  authorFollowers: null,
  authorIsVerified: false,
  language: null,
  attachments: [],
  subject: null,
  metadata: {},
  ...fields,
});
