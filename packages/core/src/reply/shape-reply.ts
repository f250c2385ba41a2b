import type { ChannelKind } from '../channel/channel.ts';
import type { Visibility } from '../triage/triage.ts';
import { countCharacters } from './count-characters.ts';
import { splitIntoThread } from './split-into-thread.ts';

/** Longest single message per network (characters as the network counts them); null for no limit. */
export const channelCharacterLimits: Record<ChannelKind, number | null> = {
  x: 280,
  facebook: 8000,
  messenger: 2000,
  instagram: 1000,
  whatsapp: 4096,
  email: null,
  custom: null,
};

/**
 * Private-messaging windows after the customer's last message: free-form text inside `freeFormHours`;
 * after it Messenger/Instagram allow a human-agent tag up to `humanAgentTagHours`, WhatsApp only a template.
 */
const messagingWindows: Record<ChannelKind, { freeFormHours: number; humanAgentTagHours: number | null } | null> = {
  x: null,
  facebook: null,
  messenger: { freeFormHours: 24, humanAgentTagHours: 7 * 24 },
  instagram: { freeFormHours: 24, humanAgentTagHours: 7 * 24 },
  whatsapp: { freeFormHours: 24, humanAgentTagHours: null },
  email: null,
  custom: null,
};

export type DeliveryMode =
  | { kind: 'free-form' }
  /** Messenger/Instagram: send with the `HUMAN_AGENT` message tag. */
  | { kind: 'message-tag'; tag: 'HUMAN_AGENT' }
  /** WhatsApp after 24 hours: only an approved template may be sent. */
  | { kind: 'template-required' }
  /** No way to write privately any more; answer publicly or wait for the customer. */
  | { kind: 'window-closed' };

export interface ShapeReplyInput {
  text: string;
  channelKind: ChannelKind;
  visibility: Visibility;
  /** When the customer last wrote to us privately on this channel; null if never. */
  lastCustomerMessageAt: Date | null;
  now: Date;
  /** Too long: split into a numbered thread, or keep one part and warn. */
  overflow: 'split' | 'warn';
}

export interface ShapedReply {
  parts: string[];
  delivery: DeliveryMode;
  warnings: string[];
}

const deliveryMode = (input: ShapeReplyInput): DeliveryMode => {
  const window = messagingWindows[input.channelKind];
  if (input.visibility === 'public' || window === null) return { kind: 'free-form' };
  if (input.lastCustomerMessageAt === null) return { kind: 'window-closed' };
  const hoursSince = (input.now.getTime() - input.lastCustomerMessageAt.getTime()) / 3_600_000;
  if (hoursSince <= window.freeFormHours) return { kind: 'free-form' };
  if (window.humanAgentTagHours === null) return { kind: 'template-required' };
  return hoursSince <= window.humanAgentTagHours
    ? { kind: 'message-tag', tag: 'HUMAN_AGENT' }
    : { kind: 'window-closed' };
};

/** Fits a reply to its channel: the character limit and the private-messaging window. */
export const shapeReply = (input: ShapeReplyInput): ShapedReply => {
  const text = input.text.trim();
  const limit = channelCharacterLimits[input.channelKind];
  const delivery = deliveryMode(input);
  const warnings: string[] = [];
  if (delivery.kind !== 'free-form') warnings.push(`${input.channelKind} messaging window: ${delivery.kind}`);
  const length = countCharacters(text, input.channelKind);
  if (limit === null || length <= limit) return { parts: [text], delivery, warnings };
  if (input.overflow === 'warn') {
    warnings.push(`${length} characters; ${input.channelKind} allows ${limit}`);
    return { parts: [text], delivery, warnings };
  }
  return { parts: splitIntoThread(text, limit, input.channelKind), delivery, warnings };
};
