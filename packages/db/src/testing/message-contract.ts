import type { Triage } from '@ascolta/core';
import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './current-store.ts';
import { aMessage, fixedTime, minutesAfter } from './fixtures.ts';

const triage: Triage = {
  language: 'it',
  languageConfidence: 0.98,
  actionable: true,
  kind: 'complaint',
  category: 'delivery',
  categoryConfidence: 0.9,
  sentiment: -0.7,
  sentimentLabel: 'negative',
  urgency: [],
  entities: [{ kind: 'order-number', start: 10, end: 16, text: 'A12345', value: 'A12345' }],
  pii: [],
  scores: { complaint: 0.93, actionable: 0.95 },
  confidence: 0.9,
  explanation: ['non è arrivato'],
  model: 'test@1',
};

const searchIds = async (store: CurrentStore, q: string) =>
  (await store().messages.list({ workspaceId: 'msg-s', q })).items.map((m) => m.id);

export const describeMessageContract = (store: CurrentStore): void => {
  describe('messages', () => {
    it('inserts a message once per channel and external id', async () => {
      const first = await store().messages.insertIdempotent(aMessage('msg-i', 'm-1', { triage }));
      const replay = await store().messages.insertIdempotent(
        aMessage('msg-i', 'm-2', { externalId: 'ext-m-1', text: 'replayed' }),
      );
      expect(first.isNew).toBe(true);
      expect(replay).toEqual({ isNew: false, message: first.message });
      expect(first.message.triage).toEqual(triage);
      const otherChannel = await store().messages.insertIdempotent(
        aMessage('msg-i', 'm-3', { channelId: 'channel-2', externalId: 'ext-m-1' }),
      );
      expect(otherChannel.isNew).toBe(true);
    });

    it('keeps one row when the same message arrives twice at once', async () => {
      const results = await Promise.all(
        ['c-a', 'c-b'].map((id) =>
          store().transaction((tx) => tx.messages.insertIdempotent(aMessage('msg-c', id, { externalId: 'same' }))),
        ),
      );
      expect(results.filter((result) => result.isNew)).toHaveLength(1);
      expect(new Set(results.map((result) => result.message.id)).size).toBe(1);
      const stored = await store().messages.list({ workspaceId: 'msg-c', externalId: 'same' });
      expect(stored.items).toHaveLength(1);
    });

    it('searches the text with Italian and English stemming', async () => {
      await store().messages.insertIdempotent(aMessage('msg-s', 'it', { text: 'Il mio pacco non è arrivato' }));
      await store().messages.insertIdempotent(aMessage('msg-s', 'en', { text: 'Where is my delivery?' }));
      await store().messages.insertIdempotent(aMessage('msg-s', 'other', { text: 'Grazie mille, tutto ok' }));
      expect(await searchIds(store, 'arrivato')).toEqual(['it']);
      expect(await searchIds(store, 'arrivati')).toEqual(['it']);
      expect(await searchIds(store, 'deliveries')).toEqual(['en']);
      expect(await searchIds(store, 'rimborso')).toEqual([]);
    });

    it('lists newest first with cursors and filters, and updates triage results', async () => {
      for (let i = 0; i < 5; i += 1) {
        await store().messages.insertIdempotent(
          aMessage('msg-l', `l-${i}`, { receivedAt: minutesAfter(fixedTime, i) }),
        );
      }
      const first = await store().messages.list({ workspaceId: 'msg-l', limit: 3 });
      const second = await store().messages.list({ workspaceId: 'msg-l', limit: 3, cursor: first.nextCursor });
      expect([...first.items, ...second.items].map((m) => m.id)).toEqual(['l-4', 'l-3', 'l-2', 'l-1', 'l-0']);
      expect(second.nextCursor).toBeNull();
      const stored = await store().messages.get('msg-l', 'l-0');
      if (stored === null) throw new Error('l-0 was not stored');
      await store().messages.update({ ...stored, triage, ticketId: 'ticket-1' });
      const byTicket = await store().messages.list({ workspaceId: 'msg-l', ticketId: 'ticket-1' });
      expect(byTicket.items.map((m) => [m.id, m.triage?.category])).toEqual([['l-0', 'delivery']]);
      expect((await store().messages.findByExternalId('channel-1', 'ext-l-0'))?.id).toBe('l-0');
    });

    it('gives a sent message the platform id in place of its placeholder', async () => {
      const { message } = await store().messages.insertIdempotent(aMessage('msg-x', 'x-0'));
      await store().messages.updateSent({ ...message, externalId: 'platform-77', deliveryState: 'sent' });
      const sent = await store().messages.findByExternalId('channel-1', 'platform-77');
      expect([sent?.id, sent?.deliveryState]).toEqual(['x-0', 'sent']);
      expect(await store().messages.findByExternalId('channel-1', 'ext-x-0')).toBeNull();
    });
  });
};
