import type { ChannelKind } from '../channel/channel.ts';
import type { Touchpoint } from '../customer/customer.ts';
import type { Message } from '../message/message.ts';

const touchpointKindOf: Record<ChannelKind, Touchpoint['kind']> = {
  email: 'email',
  whatsapp: 'chat',
  messenger: 'chat',
  x: 'chat',
  facebook: 'chat',
  instagram: 'chat',
  custom: 'chat',
};

/**
 * The customer's messages on other channels as timeline entries, so the cross-channel factor sees that they
 * already reached us elsewhere (a hotline call logged through a custom channel, an e-mail) and not only what
 * other systems posted as touchpoints. The current channel is left out: that is a repeat, not another channel.
 */
export const contactsAsTouchpoints = (
  messages: readonly Pick<Message, 'channelId' | 'channelKind' | 'receivedAt' | 'metadata'>[],
  currentChannelId: string,
): Pick<Touchpoint, 'kind' | 'occurredAt' | 'data'>[] =>
  messages
    .filter((message) => message.channelId !== currentChannelId)
    .map((message) => ({
      kind: message.metadata.source === 'phone' ? 'call' : touchpointKindOf[message.channelKind],
      occurredAt: message.receivedAt,
      data: {},
    }));
