import { describe, expect, it } from 'vitest';
import type { Ticket } from '../ticket/ticket.ts';
import { defaultThreadingOptions, type ThreadingInput, threadMessage } from './thread-message.ts';

const day = 24 * 60 * 60_000;
const receivedAt = new Date('2026-03-20T10:00:00Z');
const daysBefore = (days: number): Date => new Date(receivedAt.getTime() - days * day);

const ticket = (overrides: Partial<Ticket> = {}): Ticket => ({
  id: 't1',
  workspaceId: 'ws',
  number: 7,
  customerId: 'mario',
  channelId: 'ch',
  channelKind: 'x',
  threadExternalId: 'tweet-1',
  visibility: 'public',
  subject: 'bolletta doppia',
  status: 'open',
  priorityScore: 30,
  priorityBand: 'normal',
  priorityContributions: [],
  category: 'billing',
  language: 'it',
  assigneeId: null,
  teamId: null,
  incidentId: null,
  collectedFields: {},
  firstResponseDueAt: null,
  nextResponseDueAt: null,
  resolutionDueAt: null,
  firstResponseAt: null,
  waitingSince: null,
  resolvedAt: null,
  createdAt: daysBefore(2),
  updatedAt: daysBefore(1),
  ...overrides,
});

const input = (overrides: Partial<ThreadingInput> = {}): ThreadingInput => ({
  message: { customerId: 'mario', receivedAt, visibility: 'public' },
  category: 'billing',
  threadTicket: null,
  customerTickets: [],
  options: defaultThreadingOptions,
  ...overrides,
});

describe('threadMessage', () => {
  it('joins a follow-up in the same thread, even when it is not actionable alone', () => {
    const open = ticket();
    expect(threadMessage(input({ threadTicket: open, category: null }))).toEqual({ kind: 'follow-up', ticket: open });
  });

  it('joins a new post on the same category within the window as a repeat post', () => {
    const open = ticket();
    expect(threadMessage(input({ customerTickets: [open] }))).toEqual({ kind: 'repeat-post', ticket: open });
  });

  it('opens a new ticket for another category or after the repeat window', () => {
    expect(threadMessage(input({ customerTickets: [ticket({ category: 'delivery' })] })).kind).toBe('new-ticket');
    const stale = ticket({ updatedAt: daysBefore(8) });
    expect(threadMessage(input({ customerTickets: [stale] })).kind).toBe('new-ticket');
    const shortWindow = { ...defaultThreadingOptions, repeatWindowMinutes: 60 };
    expect(threadMessage(input({ customerTickets: [ticket()], options: shortWindow })).kind).toBe('new-ticket');
  });

  it('reopens a resolved ticket on a reply within its window, not later', () => {
    const resolved = ticket({ status: 'resolved', resolvedAt: daysBefore(3) });
    expect(threadMessage(input({ threadTicket: resolved }))).toEqual({ kind: 'reopen', ticket: resolved });
    const old = ticket({ status: 'resolved', resolvedAt: daysBefore(10) });
    expect(threadMessage(input({ threadTicket: old })).kind).toBe('new-ticket');
  });

  it('takes a private message from a customer we wait for as the answer to our question', () => {
    const awaiting = ticket({ status: 'awaiting_customer', category: 'delivery', threadExternalId: 'public-post' });
    const message = { customerId: 'mario', receivedAt, visibility: 'private' as const };
    expect(threadMessage(input({ message, category: null, customerTickets: [awaiting] }))).toEqual({
      kind: 'follow-up',
      ticket: awaiting,
    });
    expect(threadMessage(input({ category: null, customerTickets: [awaiting] })).kind).toBe('new-ticket');
  });

  it('never reopens a closed ticket', () => {
    const closed = ticket({ status: 'closed', resolvedAt: daysBefore(0.1) });
    expect(threadMessage(input({ threadTicket: closed, customerTickets: [closed] }))).toEqual({
      kind: 'new-ticket',
      reason: 'ticket 7 is closed',
    });
  });

  it('does not treat another customer replying in the thread as a follow-up', () => {
    const decision = threadMessage(input({ threadTicket: ticket({ customerId: 'someone-else' }) }));
    expect(decision.kind).toBe('new-ticket');
  });
});
