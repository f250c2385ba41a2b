import { describe, expect, it } from 'vitest';
import type { Agent } from '../agent/agent.ts';
import type { Channel, ChannelKind } from '../channel/channel.ts';
import type { Message } from '../message/message.ts';
import { addTicketNote } from './add-ticket-note.ts';
import { changeTicketStatus } from './change-ticket-status.ts';
import { correctTicketTriage } from './correct-ticket-triage.ts';
import { mergeTickets } from './merge-tickets.ts';
import { type AgentReplyInput, planAgentReply } from './plan-agent-reply.ts';
import { planHandoffNotice } from './plan-handoff-notice.ts';
import { reassignTicket } from './reassign-ticket.ts';
import type { Ticket } from './ticket.ts';

const now = new Date('2026-03-10T10:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
let counter = 0;
const ids = { newId: () => `id-${++counter}` };
const actor = { type: 'agent' as const, agentId: 'agent-1' };

const ticket = (fields: Partial<Ticket> = {}): Ticket => ({
  id: 'ticket-1',
  workspaceId: 'ws',
  number: 1,
  customerId: 'customer-1',
  channelId: 'channel-1',
  channelKind: 'x',
  threadExternalId: 'thread-1',
  visibility: 'public',
  subject: 'late parcel',
  status: 'new',
  priorityScore: 40,
  priorityBand: 'normal',
  priorityContributions: [],
  category: 'delivery',
  language: 'it',
  assigneeId: null,
  teamId: null,
  incidentId: null,
  collectedFields: {},
  firstResponseDueAt: null,
  nextResponseDueAt: null,
  resolutionDueAt: null,
  firstResponseAt: null,
  waitingSince: hoursAgo(1),
  resolvedAt: null,
  createdAt: hoursAgo(1),
  updatedAt: hoursAgo(1),
  ...fields,
});

const channel = (kind: ChannelKind): Channel => ({
  id: 'channel-1',
  workspaceId: 'ws',
  kind,
  name: kind,
  externalAccountId: 'account',
  handle: '@brand',
  settings: {},
  health: { state: 'ok', lastError: null, lastErrorAt: null, retryAfter: null },
  isActive: true,
  createdAt: hoursAgo(1000),
});

const inbound = (visibility: 'public' | 'private', receivedAt: Date): Message => ({
  id: 'message-1',
  workspaceId: 'ws',
  channelId: 'channel-1',
  channelKind: 'x',
  direction: 'inbound',
  type: visibility === 'public' ? 'mention' : 'direct',
  visibility,
  externalId: 'ext-1',
  threadExternalId: 'thread-1',
  inReplyToExternalId: null,
  customerId: 'customer-1',
  ticketId: 'ticket-1',
  authorAgentId: null,
  authorHandle: '@anna',
  authorExternalId: 'user-1',
  text: 'dov è il mio pacco?',
  language: 'it',
  subject: null,
  attachments: [],
  metadata: {},
  triage: null,
  ignoredReason: null,
  deliveryState: 'received',
  deliveryError: null,
  receivedAt,
  createdAt: receivedAt,
});

const reply = (kind: ChannelKind, fields: Partial<AgentReplyInput> = {}) =>
  planAgentReply(
    {
      ticket: ticket({ channelKind: kind }),
      channel: channel(kind),
      lastInbound: inbound('public', hoursAgo(1)),
      text: 'Ciao, controllo subito.',
      visibility: 'public',
      overflow: 'split',
      templateId: null,
      actor,
      agentId: 'agent-1',
      ...fields,
    },
    now,
    ids,
  );

describe('planAgentReply', () => {
  const long = 'parola '.repeat(60);

  it('queues one message, opens a new ticket and stops the wait', () => {
    const plan = reply('x');
    expect(plan.messages).toHaveLength(1);
    expect(plan.messages[0]).toMatchObject({
      deliveryState: 'queued',
      inReplyToExternalId: 'ext-1',
      authorAgentId: 'agent-1',
    });
    expect(plan.ticket).toMatchObject({ status: 'open', firstResponseAt: now, waitingSince: null });
    expect(plan.events.map((event) => event.type)).toEqual(['ticket.replied', 'ticket.status-changed']);
  });

  it('splits a long X reply or refuses it on request', () => {
    expect(reply('x', { text: long }).messages.length).toBeGreaterThan(1);
    expect(() => reply('x', { text: long, overflow: 'reject' })).toThrow(/^text: \d+ characters; x allows 280\.$/);
  });

  it('applies the private-messaging windows', () => {
    const late = { visibility: 'private' as const, lastInbound: inbound('private', hoursAgo(30)) };
    expect(() => reply('whatsapp', late)).toThrow(/only an approved template/);
    expect(reply('whatsapp', { ...late, templateId: 'template-1' }).messages).toHaveLength(1);
    expect(reply('messenger', late).messages[0]?.metadata).toMatchObject({ messageTag: 'HUMAN_AGENT' });
    expect(() => reply('messenger', { ...late, lastInbound: inbound('private', hoursAgo(200)) })).toThrow(
      /window is closed/,
    );
  });

  it('refuses a closed ticket', () => {
    expect(() => reply('x', { ticket: ticket({ status: 'closed' }) })).toThrow(/closed ticket/);
  });
});

const agent: Agent = {
  id: 'agent-2',
  workspaceId: 'ws',
  email: 'sara.conti@example.com',
  name: 'Sara Conti',
  role: 'agent',
  skills: [],
  languages: [],
  teamIds: [],
  capacity: 2,
  presence: 'online',
  businessHoursId: null,
  rating: null,
  averageFirstResponseMinutes: null,
  createdAt: now,
};

describe('planHandoffNotice', () => {
  const billing = {
    id: 'team-billing',
    workspaceId: 'ws',
    name: 'Fatturazione',
    categories: [],
    languages: ['it'],
    businessHoursId: null,
  };
  const notice = (fields: { ticket?: Ticket; lastInbound?: Message; kind?: ChannelKind } = {}) =>
    planHandoffNotice(
      {
        ticket: fields.ticket ?? ticket({ teamId: 'team-social' }),
        team: billing,
        channel: channel(fields.kind ?? 'x'),
        lastInbound: fields.lastInbound ?? inbound('public', hoursAgo(1)),
        customerName: 'Anna',
        tone: {},
      },
      now,
      ids,
    );

  it('tells the customer where they wrote, in their language, that the new team answers there', () => {
    const [message, ...rest] = notice();
    expect(rest).toEqual([]);
    expect(message?.text).toBe(
      'Ciao Anna, abbiamo passato la tua richiesta ai colleghi di Fatturazione: ti risponderanno qui, in questa conversazione. Grazie!',
    );
    expect(message).toMatchObject({ visibility: 'public', inReplyToExternalId: 'ext-1', authorAgentId: null });
    expect(message?.metadata).toMatchObject({ purpose: 'handoff', isAutomated: true, teamId: 'team-billing' });
    const english = notice({ ticket: ticket({ teamId: null, language: 'en' }) });
    expect(english[0]?.text).toMatch(/^Hi Anna, we've passed your request to our colleagues in Fatturazione/);
  });

  it('answers a private conversation privately, and says nothing when it cannot or need not', () => {
    const [direct] = notice({ kind: 'messenger', lastInbound: inbound('private', hoursAgo(2)) });
    expect(direct).toMatchObject({ visibility: 'private', type: 'direct' });
    expect(notice({ kind: 'messenger', lastInbound: inbound('private', hoursAgo(30)) })).toEqual([]);
    expect(notice({ ticket: ticket({ teamId: 'team-billing' }) })).toEqual([]);
  });
});

describe('correctTicketTriage', () => {
  const correct = (correction: { category?: string; actionable?: false }, fields: Partial<Ticket> = {}) =>
    correctTicketTriage(
      { ticket: ticket(fields), openingMessage: inbound('public', hoursAgo(1)), correction, agentId: 'agent-1', actor },
      now,
      ids,
    );

  it('keeps a new category as feedback on the text the triage read', () => {
    const plan = correct({ category: 'billing' });
    expect(plan.ticket).toMatchObject({ category: 'billing', status: 'new' });
    expect(plan.events).toEqual([
      expect.objectContaining({ type: 'ticket.category-changed', data: { from: 'delivery', to: 'billing' } }),
    ]);
    expect(plan.feedback).toEqual([
      expect.objectContaining({
        field: 'category',
        label: 'billing',
        text: 'dov è il mio pacco?',
        messageId: 'message-1',
      }),
    ]);
    expect(correct({ category: 'delivery' }).feedback).toEqual([]);
  });

  it('closes a ticket that needed no reply and keeps that as feedback; a closed ticket stays as it is', () => {
    const plan = correct({ actionable: false, category: 'other' });
    expect(plan.ticket.status).toBe('closed');
    expect(plan.feedback.map((item) => [item.field, item.label])).toEqual([
      ['category', 'other'],
      ['actionable', 'false'],
    ]);
    expect(plan.events.map((event) => event.type)).toEqual(['ticket.category-changed', 'ticket.status-changed']);
    expect(() => correct({ actionable: false }, { status: 'closed' })).toThrow(/closed ticket/);
  });
});

describe('ticket actions', () => {
  it('refuses an agent at capacity unless the ticket is already theirs', () => {
    const input = { ticket: ticket(), agent, team: null, agentOpenTickets: 2, actor };
    expect(() => reassignTicket(input, now)).toThrow(/capacity of 2/);
    expect(reassignTicket({ ...input, agentOpenTickets: 1 }, now).ticket.assigneeId).toBe('agent-2');
    expect(reassignTicket({ ...input, ticket: ticket({ assigneeId: 'agent-2' }) }, now).ticket.assigneeId).toBe(
      'agent-2',
    );
  });

  it('resolves through the status machine and refuses moves out of closed', () => {
    const resolved = changeTicketStatus(ticket({ status: 'open' }), 'resolved', actor, now);
    expect(resolved.ticket.resolvedAt).toEqual(now);
    expect(resolved.events.map((event) => event.type)).toEqual(['ticket.status-changed', 'ticket.resolved']);
    expect(() => changeTicketStatus(ticket({ status: 'closed' }), 'open', actor, now)).toThrow(/closed ticket/);
  });

  it('finds mentions by e-mail name or unambiguous first name', () => {
    const note = addTicketNote(ticket(), '@sara.conti e @Sara, guardate', [agent], actor);
    expect(note.mentionedAgentIds).toEqual(['agent-2']);
    expect(() => addTicketNote(ticket(), '   ', [agent], actor)).toThrow(/empty/);
  });

  it('merges only tickets of the same customer', () => {
    const survivor = ticket({ id: 'ticket-2' });
    expect(mergeTickets(ticket(), survivor, actor, now).duplicate.status).toBe('closed');
    expect(() => mergeTickets(ticket(), ticket({ id: 'ticket-3', customerId: 'other' }), actor, now)).toThrow(
      /same customer/,
    );
  });
});
