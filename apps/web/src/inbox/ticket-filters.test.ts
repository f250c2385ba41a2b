import type { TicketDto } from '@ascolta/contracts';
import { describe, expect, it } from 'vitest';
import { aTicketDto as ticket } from './ticket.test-support.ts';
import { countActiveFilters, distinctValues, emptyFilters, filterTickets, isAtRisk } from './ticket-filters.ts';

const now = Date.parse('2026-11-20T12:00:00Z');
const me = 'agent-me';

const tickets = [
  ticket('low-mine', { priorityScore: 20, priorityBand: 'low', assigneeId: me, language: 'en' }),
  ticket('urgent-email', { priorityScore: 90, priorityBand: 'urgent', channelKind: 'email' }),
  ticket('due-soon', { firstResponseDueAt: '2026-11-20T12:30:00Z', category: 'technical' }),
  ticket('due-later', { firstResponseDueAt: '2026-11-20T18:00:00Z', assigneeId: 'other' }),
];
const ids = (list: TicketDto[]) => list.map((item) => item.id);

describe('inbox filters', () => {
  it('sorts by priority, then by the nearest SLA deadline', () => {
    expect(ids(filterTickets(tickets, emptyFilters, me, now))).toEqual([
      'urgent-email',
      'due-soon',
      'due-later',
      'low-mine',
    ]);
  });

  it('applies the saved views', () => {
    expect(ids(filterTickets(tickets, { ...emptyFilters, view: 'mine' }, me, now))).toEqual(['low-mine']);
    expect(ids(filterTickets(tickets, { ...emptyFilters, view: 'unassigned' }, me, now))).toEqual([
      'urgent-email',
      'due-soon',
    ]);
    expect(ids(filterTickets(tickets, { ...emptyFilters, view: 'atRisk' }, me, now))).toEqual(['due-soon']);
    expect(
      isAtRisk(ticket('answered-late', { resolutionDueAt: '2026-11-20T11:00:00Z', status: 'resolved' }), now),
    ).toBe(false);
  });

  it('combines channel, band, category and language filters', () => {
    const filters = { ...emptyFilters, channelKinds: ['x' as const], category: 'billing', language: 'en' };
    expect(ids(filterTickets(tickets, filters, me, now))).toEqual(['low-mine']);
    expect(ids(filterTickets(tickets, { ...emptyFilters, bands: ['urgent'] }, me, now))).toEqual(['urgent-email']);
    expect(countActiveFilters(filters)).toBe(3);
    expect(distinctValues(tickets, (item) => item.category)).toEqual(['billing', 'technical']);
  });
});
