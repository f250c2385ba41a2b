import type { TicketDto } from '@ascolta/contracts';

type ChannelKind = TicketDto['channelKind'];
type Visibility = 'public' | 'private';

/** X counts every link as 23 characters, whatever its length (t.co wrapping). */
const xLinkWeight = 23;
const linkPattern = /https?:\/\/\S+/g;

/** The most characters one message may carry, or null when the channel has no practical limit. */
export const characterLimit = (kind: ChannelKind, visibility: Visibility): number | null => {
  if (kind === 'x') return visibility === 'public' ? 280 : 10_000;
  if (kind === 'whatsapp') return 4096;
  if (kind === 'messenger' || kind === 'instagram' || (kind === 'facebook' && visibility === 'private')) return 2000;
  return null;
};

/** Characters as the channel counts them: code points, with X's fixed weight for links. */
export const countCharacters = (text: string, kind: ChannelKind): number => {
  if (kind !== 'x') return [...text].length;
  const links = text.match(linkPattern) ?? [];
  const withoutLinks = text.replace(linkPattern, '');
  return [...withoutLinks].length + links.length * xLinkWeight;
};

/** Hours after the customer's last message during which a private free-form reply is allowed. */
export const messagingWindowHours = (kind: ChannelKind, visibility: Visibility): number | null =>
  visibility === 'private' &&
  (kind === 'whatsapp' || kind === 'messenger' || kind === 'instagram' || kind === 'facebook')
    ? 24
    : null;

export type MessagingWindow =
  | { state: 'none' }
  | { state: 'open'; hours: number; closesInMs: number }
  | { state: 'closed'; hours: number; closedForMs: number };

/** Warn before the window closes when less than this is left. */
export const windowClosingSoonMs = 2 * 60 * 60_000;

export const messagingWindow = (
  kind: ChannelKind,
  visibility: Visibility,
  lastInboundAt: string | null,
  nowMs: number,
): MessagingWindow => {
  const hours = messagingWindowHours(kind, visibility);
  if (hours === null) return { state: 'none' };
  const closesAtMs = lastInboundAt === null ? Number.NEGATIVE_INFINITY : Date.parse(lastInboundAt) + hours * 3_600_000;
  if (closesAtMs <= nowMs) {
    return { state: 'closed', hours, closedForMs: Number.isFinite(closesAtMs) ? nowMs - closesAtMs : 0 };
  }
  return { state: 'open', hours, closesInMs: closesAtMs - nowMs };
};

export interface ComposerCheck {
  count: number;
  limit: number | null;
  overBy: number;
  window: MessagingWindow;
  /** A free-form private message outside the window is refused by the platform: only a template may go. */
  needsTemplate: boolean;
}

export const checkComposer = (
  text: string,
  kind: ChannelKind,
  visibility: Visibility,
  lastInboundAt: string | null,
  nowMs: number,
): ComposerCheck => {
  const count = countCharacters(text, kind);
  const limit = characterLimit(kind, visibility);
  const window = messagingWindow(kind, visibility, lastInboundAt, nowMs);
  return {
    count,
    limit,
    overBy: limit === null ? 0 : Math.max(0, count - limit),
    window,
    needsTemplate: window.state === 'closed',
  };
};

/** Filled in by the server from the ticket, the customer and the agent (see `replyBody.variables`). */
export const automaticVariables: readonly string[] = ['customer.name', 'agent.name', 'ticket.number'];

/** The `{{variables}}` of a template the agent must fill in, in order of first use. */
export const templateVariables = (body: string): string[] => {
  const names = [...body.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1] ?? '');
  return [...new Set(names)].filter((name) => name !== '' && !automaticVariables.includes(name));
};

/** `@sara.conti` for `sara.conti@…`: the server notifies the agent a note mentions this way. */
export const mentionOf = (email: string): string => `@${email.split('@')[0] ?? email}`;
