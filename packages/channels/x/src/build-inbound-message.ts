import type { InboundMessage } from '@ascolta/core';

type Required = Pick<
  InboundMessage,
  'channelKind' | 'type' | 'visibility' | 'externalId' | 'threadExternalId' | 'authorExternalId' | 'text' | 'receivedAt'
>;

/** Fills the fields X does not always provide, so each normaliser names only what it knows. */
export const buildInboundMessage = (fields: Required & Partial<InboundMessage>): InboundMessage => ({
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
