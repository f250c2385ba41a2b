import type { Customer, DomainEvent, Message, Ticket, Workspace } from '@ascolta/core';

/** Deterministic rows for store tests; pass overrides for what a test cares about. */

export const fixedTime = new Date('2026-03-02T09:00:00.000Z');

export const minutesAfter = (start: Date, minutes: number): Date => new Date(start.getTime() + minutes * 60_000);

export const aWorkspace = (id: string, overrides: Partial<Workspace> = {}): Workspace => ({
  id,
  name: `Workspace ${id}`,
  timeZone: 'Europe/Rome',
  languages: ['it', 'en'],
  createdAt: fixedTime,
  ...overrides,
});

export const aCustomer = (workspaceId: string, id: string, overrides: Partial<Customer> = {}): Customer => ({
  id,
  workspaceId,
  displayName: `Customer ${id}`,
  language: 'it',
  valueTier: 'standard',
  lifetimeValueCents: 0,
  purchasesCount: 0,
  crmId: null,
  followers: 10,
  isVerified: false,
  createdAt: fixedTime,
  updatedAt: fixedTime,
  ...overrides,
});

export const aTicket = (
  workspaceId: string,
  id: string,
  overrides: Partial<Omit<Ticket, 'number'>> = {},
): Omit<Ticket, 'number'> => ({
  id,
  workspaceId,
  customerId: 'customer-1',
  channelId: 'channel-1',
  channelKind: 'x',
  threadExternalId: `thread-${id}`,
  visibility: 'public',
  subject: `Ticket ${id}`,
  status: 'new',
  priorityScore: 50,
  priorityBand: 'normal',
  priorityContributions: [{ factor: 'severity', points: 50, reason: 'complaint' }],
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
  waitingSince: fixedTime,
  resolvedAt: null,
  createdAt: fixedTime,
  updatedAt: fixedTime,
  ...overrides,
});

export const aMessage = (workspaceId: string, id: string, overrides: Partial<Message> = {}): Message => ({
  id,
  workspaceId,
  channelId: 'channel-1',
  channelKind: 'x',
  direction: 'inbound',
  type: 'mention',
  visibility: 'public',
  externalId: `ext-${id}`,
  threadExternalId: `ext-${id}`,
  inReplyToExternalId: null,
  customerId: null,
  ticketId: null,
  authorAgentId: null,
  authorHandle: '@customer',
  text: `Message ${id}`,
  language: 'it',
  subject: null,
  attachments: [],
  metadata: {},
  triage: null,
  ignoredReason: null,
  deliveryState: 'received',
  deliveryError: null,
  receivedAt: fixedTime,
  createdAt: fixedTime,
  ...overrides,
});

export const aTicketOpenedEvent = (workspaceId: string, id: string, ticketId: string): DomainEvent => ({
  id,
  workspaceId,
  occurredAt: fixedTime,
  actor: { type: 'system' },
  ticketId,
  customerId: null,
  type: 'ticket.opened',
  data: { category: 'delivery', priorityBand: 'high', channelId: 'channel-1' },
});
