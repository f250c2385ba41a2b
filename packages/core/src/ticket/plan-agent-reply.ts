import type { Channel } from '../channel/channel.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { Actor } from '../events/domain-event.ts';
import type { UnstampedEvent } from '../events/stamp-event.ts';
import { draftReplyMessage } from '../message/draft-reply-message.ts';
import type { Message } from '../message/message.ts';
import type { IdGenerator } from '../ports/clock.ts';
import { countCharacters } from '../reply/count-characters.ts';
import { channelCharacterLimits, type DeliveryMode, shapeReply } from '../reply/shape-reply.ts';
import type { Visibility } from '../triage/triage.ts';
import type { Ticket } from './ticket.ts';
import { transitionTicket } from './transition-ticket.ts';

export interface AgentReplyInput {
  ticket: Ticket;
  channel: Channel;
  /** The customer's newest message on the ticket: what the reply answers. */
  lastInbound: Message;
  text: string;
  visibility: Visibility;
  /** Too long for the channel: split into a numbered thread, or refuse. */
  overflow: 'split' | 'reject';
  /** An approved template: the only thing WhatsApp accepts 24 hours after the customer's last message. */
  templateId: string | null;
  actor: Actor;
  agentId: string | null;
}

export interface AgentReplyPlan {
  ticket: Ticket;
  messages: Message[];
  delivery: DeliveryMode;
  events: UnstampedEvent[];
}

const refuseDelivery = (input: AgentReplyInput, delivery: DeliveryMode): void => {
  const kind = input.channel.kind;
  if (delivery.kind === 'window-closed') {
    throw new DomainError(
      'conflict',
      `The ${kind} private-messaging window is closed: the customer last wrote too long ago. Answer publicly or wait for the customer to write again.`,
    );
  }
  if (delivery.kind === 'template-required' && input.templateId === null) {
    throw new DomainError(
      'conflict',
      `${kind} accepts only an approved template more than 24 hours after the customer's last message: send \`templateId\`.`,
    );
  }
};

const outbound = (input: AgentReplyInput, text: string, now: Date, id: string, extra: object): Message =>
  draftReplyMessage({
    id,
    now,
    channel: input.channel,
    answering: input.lastInbound,
    ticket: input.ticket,
    visibility: input.visibility,
    text,
    authorAgentId: input.agentId,
    metadata: { ...extra, purpose: 'agent-reply', isAutomated: false, templateId: input.templateId },
  });

/**
 * An agent's reply fitted to its channel: refused when the channel cannot take it (closed window,
 * WhatsApp without a template, too long with `overflow: 'reject'`), otherwise one queued message per part.
 * The first reply moves a new ticket to `open` and stops the customer's wait.
 */
export const planAgentReply = (input: AgentReplyInput, now: Date, ids: IdGenerator): AgentReplyPlan => {
  const { ticket, channel } = input;
  if (ticket.status === 'closed') throw new DomainError('ticket-closed', 'A closed ticket cannot be answered.');
  const text = input.text.trim();
  if (text === '') throw new DomainError('invalid-input', 'text: the reply is empty.');
  const limit = channelCharacterLimits[channel.kind];
  const length = countCharacters(text, channel.kind);
  if (input.overflow === 'reject' && limit !== null && length > limit) {
    throw new DomainError('invalid-input', `text: ${length} characters; ${channel.kind} allows ${limit}.`);
  }
  const lastCustomerMessageAt = input.lastInbound.visibility === 'private' ? input.lastInbound.receivedAt : null;
  const shaped = shapeReply({
    text,
    channelKind: channel.kind,
    visibility: input.visibility,
    lastCustomerMessageAt,
    now,
    overflow: 'split',
  });
  refuseDelivery(input, shaped.delivery);
  const answerGroupId = ids.newId();
  const messages = shaped.parts.map((part, index) =>
    outbound(input, part, now, ids.newId(), {
      answerGroupId,
      part: index + 1,
      parts: shaped.parts.length,
      delivery: shaped.delivery.kind,
      ...(shaped.delivery.kind === 'message-tag' ? { messageTag: shaped.delivery.tag } : {}),
    }),
  );
  const status = ticket.status === 'new' ? transitionTicket('new', 'open') : ticket.status;
  const updated: Ticket = {
    ...ticket,
    status,
    firstResponseAt: ticket.firstResponseAt ?? now,
    waitingSince: null,
    updatedAt: now,
  };
  const envelope = {
    workspaceId: ticket.workspaceId,
    actor: input.actor,
    ticketId: ticket.id,
    customerId: ticket.customerId,
  };
  const events: UnstampedEvent[] = [
    {
      ...envelope,
      type: 'ticket.replied',
      data: { messageIds: messages.map((m) => m.id), visibility: input.visibility },
    },
    ...(status === ticket.status
      ? []
      : [{ ...envelope, type: 'ticket.status-changed' as const, data: { from: ticket.status, to: status } }]),
  ];
  return { ticket: updated, messages, delivery: shaped.delivery, events };
};
