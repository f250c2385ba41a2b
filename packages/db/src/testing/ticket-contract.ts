import type { Ticket } from '@ascolta/core';
import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './current-store.ts';
import { aTicket, fixedTime, minutesAfter } from './fixtures.ts';

const listAllPages = async (store: CurrentStore, query: Parameters<ReturnType<CurrentStore>['tickets']['list']>[0]) => {
  const seen: Ticket[] = [];
  let cursor: string | null = null;
  do {
    const page = await store().tickets.list({ ...query, cursor, limit: 3 });
    seen.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return seen;
};

export const describeTicketContract = (store: CurrentStore): void => {
  describe('tickets', () => {
    it('numbers tickets per workspace, starting at 1', async () => {
      const first = await store().tickets.insert(aTicket('tk-a', 'a-1'));
      const second = await store().tickets.insert(aTicket('tk-a', 'a-2'));
      const other = await store().tickets.insert(aTicket('tk-b', 'b-3'));
      expect([first.number, second.number, other.number]).toEqual([1, 2, 1]);
      expect(await store().tickets.get('tk-a', 'a-2')).toEqual(second);
    });

    it('gives concurrent inserts distinct numbers', async () => {
      const ids = Array.from({ length: 8 }, (_, i) => `c-${i}`);
      const inserted = await Promise.all(
        ids.map((id) => store().transaction((tx) => tx.tickets.insert(aTicket('tk-concurrent', id)))),
      );
      expect(inserted.map((ticket) => ticket.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });

    it('lists open work by priority, then longest waiting, and everything else newest first', async () => {
      const rows = [
        aTicket('tk-q', 'low-old', { priorityScore: 10, createdAt: fixedTime }),
        aTicket('tk-q', 'high-new', { priorityScore: 90, createdAt: minutesAfter(fixedTime, 5) }),
        aTicket('tk-q', 'high-old', { priorityScore: 90, createdAt: minutesAfter(fixedTime, 1) }),
        aTicket('tk-q', 'resolved', { status: 'resolved', priorityScore: 99, createdAt: minutesAfter(fixedTime, 9) }),
      ];
      for (const row of rows) await store().tickets.insert(row);
      const open = await store().tickets.list({ workspaceId: 'tk-q', status: ['new', 'open'] });
      expect(open.items.map((t) => t.id)).toEqual(['high-old', 'high-new', 'low-old']);
      const recent = await store().tickets.list({ workspaceId: 'tk-q' });
      expect(recent.items.map((t) => t.id)).toEqual(['resolved', 'high-new', 'high-old', 'low-old']);
      expect(recent.nextCursor).toBeNull();
    });

    it('pages through both orders with cursors, without gaps or repeats', async () => {
      for (let i = 0; i < 8; i += 1) {
        await store().tickets.insert(
          aTicket('tk-p', `p-${i}`, { priorityScore: i % 3, createdAt: minutesAfter(fixedTime, i % 4) }),
        );
      }
      const byPriority = await listAllPages(store, { workspaceId: 'tk-p', status: ['new'] });
      const byRecency = await listAllPages(store, { workspaceId: 'tk-p' });
      const full = await store().tickets.list({ workspaceId: 'tk-p', status: ['new'] });
      expect(byPriority.map((t) => t.id)).toEqual(full.items.map((t) => t.id));
      expect(new Set(byRecency.map((t) => t.id)).size).toBe(8);
      await expect(store().tickets.list({ workspaceId: 'tk-p', cursor: 'not-a-cursor' })).rejects.toMatchObject({
        code: 'invalid-input',
      });
    });

    it('filters, updates and counts open tickets per assignee', async () => {
      const ticket = await store().tickets.insert(aTicket('tk-f', 'f-1', { assigneeId: 'anna' }));
      await store().tickets.insert(aTicket('tk-f', 'f-2', { assigneeId: 'anna', status: 'closed' }));
      await store().tickets.insert(aTicket('tk-f', 'f-3', { threadExternalId: 'thread-x', channelId: 'ch-9' }));
      await store().tickets.update({ ...ticket, status: 'open', collectedFields: { orderNumber: 'A-1' } });
      expect(await store().tickets.get('tk-f', 'f-1')).toMatchObject({
        status: 'open',
        collectedFields: { orderNumber: 'A-1' },
      });
      expect(await store().tickets.countOpenByAssignee('tk-f')).toEqual({ anna: 1 });
      const unassigned = await store().tickets.list({ workspaceId: 'tk-f', assigneeId: null });
      expect(unassigned.items.map((t) => t.id)).toEqual(['f-3']);
      const thread = await store().tickets.list({
        workspaceId: 'tk-f',
        channelId: 'ch-9',
        threadExternalId: 'thread-x',
      });
      expect(thread.items.map((t) => t.id)).toEqual(['f-3']);
    });
  });
};
