import type { Message } from '@ascolta/core';
import { z } from 'zod';

/**
 * What the `outbound.send` worker keeps on a queued message between attempts. `sendStartedAt` is set in
 * its own committed transaction before the platform is called and cleared when the outcome is stored:
 * finding it set means a worker died in between, and the platform may or may not have the message.
 */
export const outboundSendState = z.object({
  sendAttempts: z.number().int().min(0).default(0),
  sendStartedAt: z.string().nullable().default(null),
});
export type OutboundSendState = z.infer<typeof outboundSendState>;

export const sendStateOf = (message: Message): OutboundSendState => outboundSendState.parse(message.metadata);

export const withSendState = (
  message: Message,
  state: Partial<OutboundSendState> & Record<string, unknown>,
): Message => ({
  ...message,
  metadata: { ...message.metadata, ...state },
});
