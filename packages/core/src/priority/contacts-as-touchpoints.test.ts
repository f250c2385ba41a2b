import { describe, expect, it } from 'vitest';
import { contactsAsTouchpoints } from './contacts-as-touchpoints.ts';

describe('contactsAsTouchpoints', () => {
  it('counts messages on other channels as calls, e-mails or chats, not those on the current channel', () => {
    const at = new Date('2026-03-10T08:00:00Z');
    const messages = [
      { channelId: 'mail', channelKind: 'email' as const, receivedAt: at, metadata: {} },
      { channelId: 'hotline', channelKind: 'custom' as const, receivedAt: at, metadata: { source: 'phone' } },
      { channelId: 'fb', channelKind: 'facebook' as const, receivedAt: at, metadata: {} },
      { channelId: 'x', channelKind: 'x' as const, receivedAt: at, metadata: {} },
    ];
    expect(contactsAsTouchpoints(messages, 'x').map((touch) => touch.kind)).toEqual(['email', 'call', 'chat']);
  });
});
