import type { Team } from '../agent/agent.ts';
import type { Channel } from '../channel/channel.ts';
import {
  type CareLanguage,
  careLanguageFor,
  careTexts,
  defaultTone,
  type ToneOfVoice,
} from '../info-request/care-texts.ts';
import { composeCareText } from '../info-request/compose-care-text.ts';
import { draftReplyMessage } from '../message/draft-reply-message.ts';
import type { Message } from '../message/message.ts';
import type { IdGenerator } from '../ports/clock.ts';
import { shapeReply } from '../reply/shape-reply.ts';
import type { Ticket } from './ticket.ts';

export interface HandoffNoticeInput {
  /** The ticket as it was before the transfer. */
  ticket: Ticket;
  /** The team it goes to. */
  team: Team;
  channel: Channel;
  /** The customer's newest message on the ticket: the notice answers it, where the customer wrote. */
  lastInbound: Message;
  customerName: string;
  /** The workspace's tone of voice per language; the built-in one where it has none. */
  tone: Partial<Record<CareLanguage, ToneOfVoice>>;
}

/**
 * Tells the customer, on the same conversation and in their language, that another team now has their
 * request and will answer there: a transfer must never look like "we are only the social team". Nothing
 * when the ticket stays with its team, or when the channel accepts no free-form message now (a closed
 * messaging window): the customer then hears from the new team when they next write.
 */
export const planHandoffNotice = (input: HandoffNoticeInput, now: Date, ids: IdGenerator): Message[] => {
  const { ticket, team, channel, lastInbound } = input;
  if (ticket.teamId === team.id) return [];
  const language = careLanguageFor(ticket.language ?? lastInbound.language ?? 'en');
  const text = composeCareText(careTexts[language].handedToTeam, {
    customerName: input.customerName,
    tone: input.tone[language] ?? defaultTone[language],
    values: { team: team.name },
  });
  const shaped = shapeReply({
    text,
    channelKind: channel.kind,
    visibility: lastInbound.visibility,
    lastCustomerMessageAt: lastInbound.receivedAt,
    now,
    overflow: 'split',
  });
  if (shaped.delivery.kind !== 'free-form') return [];
  const answerGroupId = ids.newId();
  return shaped.parts.map((part, index) =>
    draftReplyMessage({
      id: ids.newId(),
      now,
      channel,
      answering: lastInbound,
      ticket,
      visibility: lastInbound.visibility,
      text: part,
      authorAgentId: null,
      metadata: {
        purpose: 'handoff',
        isAutomated: true,
        teamId: team.id,
        answerGroupId,
        part: index + 1,
        parts: shaped.parts.length,
        delivery: shaped.delivery.kind,
      },
    }),
  );
};
