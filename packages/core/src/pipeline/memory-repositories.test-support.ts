/** An in-memory `Repositories` for the pipeline tests only; the real store has its own contract suite. */
import type { Agent, BusinessHours, Team } from '../agent/agent.ts';
import type { Channel } from '../channel/channel.ts';
import type { Customer, Identity, Touchpoint } from '../customer/customer.ts';
import type { DomainEvent } from '../events/domain-event.ts';
import type { InfoRequest } from '../info-request/info-request.ts';
import type { Message } from '../message/message.ts';
import type { JobName, JobOptions, JobPayloads } from '../ports/job-queue.ts';
import type { Repositories, WorkspaceSettings } from '../ports/store.ts';
import type { Rule } from '../rule/rule.ts';
import type { SlaPolicy } from '../sla/sla-policy.ts';
import type { Template } from '../template/template.ts';
import type { Incident, Ticket } from '../ticket/ticket.ts';
import { reportOf } from './link-incident.ts';

export interface MemoryState {
  channels: Channel[];
  customers: Customer[];
  identities: Identity[];
  touchpoints: Touchpoint[];
  tickets: Ticket[];
  messages: Message[];
  events: DomainEvent[];
  agents: Agent[];
  teams: Team[];
  businessHours: BusinessHours[];
  slaPolicies: SlaPolicy[];
  infoRequests: InfoRequest[];
  templates: Template[];
  rules: Rule[];
  incidents: Incident[];
  settings: WorkspaceSettings | null;
  jobs: Array<{ name: JobName; data: JobPayloads[JobName]; options: JobOptions | undefined }>;
}

const notUsed = async (): Promise<never> => {
  throw new Error('not used by the pipeline tests');
};

const replace = <T extends { id: string }>(items: T[], item: T): void => {
  const index = items.findIndex((existing) => existing.id === item.id);
  if (index < 0) throw new Error(`no ${item.id} to update`);
  items[index] = item;
};

const page = <T>(items: T[], limit = 50) => ({ items: items.slice(0, limit), nextCursor: null });
const openStatuses: readonly Ticket['status'][] = ['new', 'awaiting_customer', 'open', 'pending'];

const ticketRepository = (state: MemoryState): Repositories['tickets'] => ({
  insert: async (ticket) => {
    const stored = { ...ticket, number: state.tickets.length + 1 };
    state.tickets.push(stored);
    return stored;
  },
  get: async (_workspaceId, id) => state.tickets.find((ticket) => ticket.id === id) ?? null,
  update: async (ticket) => replace(state.tickets, ticket),
  list: async (query) =>
    page(
      state.tickets
        .filter(
          (ticket) =>
            (query.customerId === undefined || ticket.customerId === query.customerId) &&
            (query.channelId === undefined || ticket.channelId === query.channelId) &&
            (query.threadExternalId === undefined || ticket.threadExternalId === query.threadExternalId) &&
            (query.category === undefined || ticket.category === query.category) &&
            (query.createdAfter === undefined || ticket.createdAt >= query.createdAfter) &&
            (query.status === undefined || query.status.includes(ticket.status)),
        )
        .reverse(),
      query.limit,
    ),
  listIncidentReports: async (query) =>
    state.tickets
      .filter((ticket) => ticket.category === query.category && ticket.createdAt >= query.createdAfter)
      .reverse()
      .slice(0, query.limit)
      .map(reportOf),
  countOpenByAssignee: async () => {
    const counts: Record<string, number> = {};
    for (const ticket of state.tickets) {
      if (ticket.assigneeId !== null && openStatuses.includes(ticket.status)) {
        counts[ticket.assigneeId] = (counts[ticket.assigneeId] ?? 0) + 1;
      }
    }
    return counts;
  },
});

const messageRepository = (state: MemoryState): Repositories['messages'] => ({
  insertIdempotent: async (message) => {
    const existing = state.messages.find(
      (m) => m.channelId === message.channelId && m.externalId === message.externalId,
    );
    if (existing !== undefined) return { message: existing, isNew: false };
    state.messages.push(message);
    return { message, isNew: true };
  },
  get: async (_workspaceId, id) => state.messages.find((message) => message.id === id) ?? null,
  findByExternalId: async (channelId, externalId) =>
    state.messages.find((message) => message.channelId === channelId && message.externalId === externalId) ?? null,
  update: async (message) => replace(state.messages, message),
  updateSent: async (message) => replace(state.messages, message),
  list: async (query) =>
    page(
      state.messages.filter(
        (message) =>
          (query.ticketId === undefined || message.ticketId === query.ticketId) &&
          (query.customerId === undefined || message.customerId === query.customerId) &&
          (query.direction === undefined || message.direction === query.direction),
      ),
      query.limit,
    ),
  lockAuthorOf: async () => undefined,
  listUnprocessedBefore: notUsed,
});

const namesCustomer = (event: DomainEvent, customerId: string): boolean => {
  if (event.type === 'customer.link-suggested')
    return event.customerId === customerId || event.data.candidateCustomerIds.includes(customerId);
  if (event.type === 'customer.link-dismissed')
    return event.customerId === customerId || event.data.otherCustomerId === customerId;
  if (event.type === 'customer.merged')
    return event.customerId === customerId || event.data.fromCustomerId === customerId;
  return false;
};

const listOf =
  <T>(items: () => T[]) =>
  async (): Promise<T[]> =>
    items();

export const createMemoryRepositories = (state: MemoryState): Repositories => ({
  workspaces: { insert: notUsed, get: notUsed, list: notUsed },
  settings: { get: async () => state.settings, put: notUsed },
  apiKeys: { insert: notUsed, findBySecretHash: notUsed, list: notUsed, revoke: notUsed },
  channels: {
    insert: notUsed,
    get: async (_workspaceId, id) => state.channels.find((channel) => channel.id === id) ?? null,
    findByExternalAccount: notUsed,
    list: listOf(() => state.channels),
    updateHealth: notUsed,
  },
  agents: {
    insert: notUsed,
    get: notUsed,
    list: listOf(() => state.agents),
    update: notUsed,
    setPasswordHash: notUsed,
    lockForAssignment: async (_workspaceId, id) => state.agents.find((agent) => agent.id === id) ?? null,
    findCredentialsByEmail: notUsed,
  },
  teams: { insert: notUsed, list: listOf(() => state.teams), update: notUsed, delete: notUsed },
  businessHours: { insert: notUsed, list: listOf(() => state.businessHours), update: notUsed, delete: notUsed },
  slaPolicies: { insert: notUsed, list: listOf(() => state.slaPolicies), update: notUsed, delete: notUsed },
  infoRequests: { insert: notUsed, list: listOf(() => state.infoRequests), update: notUsed, delete: notUsed },
  templates: {
    insert: notUsed,
    list: async (_workspaceId, kind) =>
      state.templates.filter((template) => kind === undefined || template.kind === kind),
    update: notUsed,
    delete: notUsed,
  },
  rules: {
    insert: notUsed,
    list: async (_workspaceId, kind) => state.rules.filter((rule) => kind === undefined || rule.kind === kind),
    update: notUsed,
    delete: notUsed,
  },
  incidents: {
    insert: async (incident) => {
      state.incidents.push(incident);
    },
    get: notUsed,
    update: notUsed,
    list: async (_workspaceId, status) =>
      state.incidents.filter((incident) => status === undefined || incident.status === status),
    lockCategory: async () => undefined,
  },
  // No survey waits in the pipeline tests; the survey use cases have their own.
  surveys: {
    insert: notUsed,
    get: notUsed,
    lockForAnswer: notUsed,
    update: notUsed,
    findByTicket: notUsed,
    findLatestForCustomer: notUsed,
    findWaiting: async () => null,
  },
  customers: {
    insert: async (customer) => {
      state.customers.push(customer);
    },
    get: async (_workspaceId, id) => state.customers.find((customer) => customer.id === id) ?? null,
    update: async (customer) => replace(state.customers, customer),
    lockForCare: async () => undefined,
    mergeInto: async (_workspaceId, fromId, intoId) => {
      const repoint = <T extends { customerId: string | null }>(items: T[]): number => {
        let moved = 0;
        items.forEach((item, index) => {
          if (item.customerId !== fromId) return;
          items[index] = { ...item, customerId: intoId };
          moved += 1;
        });
        return moved;
      };
      const counts = {
        identities: repoint(state.identities),
        tickets: repoint(state.tickets),
        messages: repoint(state.messages),
        touchpoints: repoint(state.touchpoints),
        surveys: 0,
      };
      state.customers = state.customers.filter((customer) => customer.id !== fromId);
      return counts;
    },
  },
  identities: {
    insert: async (identity) => {
      state.identities.push(identity);
    },
    find: async (_workspaceId, kind, channelKind, value) =>
      state.identities.find((i) => i.kind === kind && i.channelKind === channelKind && i.value === value) ?? null,
    listByCustomer: notUsed,
  },
  touchpoints: {
    insert: notUsed,
    listByCustomer: async (_workspaceId, customerId, since) =>
      state.touchpoints.filter((t) => t.customerId === customerId && (since === undefined || t.occurredAt >= since)),
  },
  tickets: ticketRepository(state),
  messages: messageRepository(state),
  triageFeedback: { insert: notUsed, list: notUsed },
  sessions: { insert: notUsed, findByTokenHash: notUsed, touch: notUsed, delete: notUsed },
  signInFailures: { record: notUsed, listSince: notUsed, clear: notUsed },
  agentPreferences: { get: notUsed, put: notUsed },
  events: {
    append: async (events) => {
      state.events.push(...events);
    },
    list: notUsed,
    listCustomerLinks: async (_workspaceId, customerId) =>
      state.events
        .map((event, index) => ({ ...event, sequence: index + 1 }))
        .filter((event) => namesCustomer(event, customerId)),
    latestSequence: notUsed,
  },
  audit: { record: notUsed },
  jobs: {
    send: async (name, data, options) => {
      state.jobs.push({ name, data, options });
      return `job-${state.jobs.length}`;
    },
    sendMany: async (jobs) => {
      for (const job of jobs) state.jobs.push({ name: job.name, data: job.data, options: job.options });
    },
  },
  configVersion: async () => 0,
});
