import type { Channel } from '../channel/channel.ts';
import type { Ticket } from '../ticket/ticket.ts';
import type { Visibility } from '../triage/triage.ts';
import type { Message } from './message.ts';

export interface ReplyDraft {
  id: string;
  now: Date;
  channel: Channel;
  /** The customer's message being answered. */
  answering: Message;
  ticket: Pick<Ticket, 'id' | 'workspaceId' | 'customerId' | 'language'>;
  visibility: Visibility;
  text: string;
  /** Null for the bot. */
  authorAgentId: string | null;
  /** Why it is sent and anything the connector needs (purpose, isAutomated, templateId…). */
  metadata: Readonly<Record<string, unknown>>;
}

/** A queued outbound message answering a customer's message, on the same channel, in or out of its thread. */
export const draftReplyMessage = (draft: ReplyDraft): Message => {
  const { answering, channel, ticket, now } = draft;
  const recipient = answering.authorExternalId ?? answering.authorHandle;
  // A private answer to a public post starts a new private conversation the connector opens.
  const staysInThread = draft.visibility === 'public' || answering.visibility === 'private';
  return {
    id: draft.id,
    workspaceId: ticket.workspaceId,
    channelId: channel.id,
    channelKind: channel.kind,
    direction: 'outbound',
    type: draft.visibility === 'public' ? 'reply' : channel.kind === 'email' ? 'email' : 'direct',
    visibility: draft.visibility,
    // Placeholder until the platform assigns its id; unique per channel like the real one.
    externalId: `queued:${draft.id}`,
    threadExternalId: staysInThread ? answering.threadExternalId : `private:${recipient}`,
    inReplyToExternalId: staysInThread ? answering.externalId : null,
    customerId: ticket.customerId,
    ticketId: ticket.id,
    authorAgentId: draft.authorAgentId,
    authorHandle: channel.handle ?? channel.name,
    text: draft.text,
    language: ticket.language,
    subject: answering.subject === null ? null : `Re: ${answering.subject}`,
    attachments: [],
    metadata: {
      ...draft.metadata,
      recipientExternalId: recipient,
      privateReplyToExternalId: staysInThread ? null : answering.externalId,
    },
    triage: null,
    ignoredReason: null,
    deliveryState: 'queued',
    deliveryError: null,
    receivedAt: now,
    createdAt: now,
  };
};
