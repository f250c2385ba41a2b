import type { Channel } from '@ascolta/core';

/**
 * Channels whose messages are fetched rather than pushed: mailboxes configured with IMAP, and X accounts
 * that opt in with `pollMentions` (webhooks are the default on X; polling is the fallback and listening).
 */
export const isPolledChannel = (channel: Channel): boolean =>
  channel.isActive &&
  ((channel.kind === 'email' && typeof channel.settings.imap === 'object' && channel.settings.imap !== null) ||
    (channel.kind === 'x' && channel.settings.pollMentions === true));
