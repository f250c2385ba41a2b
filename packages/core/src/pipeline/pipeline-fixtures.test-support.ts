/** Fixtures for the pipeline tests: a classifier that knows a few Italian phrases and a seeded workspace. */
import type { Agent } from '../agent/agent.ts';
import type { Message } from '../message/message.ts';
import type { Classifier } from '../ports/classifier.ts';
import type { Entity, Triage } from '../triage/triage.ts';
import type { MemoryState } from './memory-repositories.test-support.ts';

export const now = new Date('2026-03-10T10:00:00Z');

/** Understands just enough Italian for these tests: praise is ignored, parcels are delivery complaints. */
export const fakeClassifier: Classifier = {
  name: 'fake',
  classify: async ({ text }) => {
    const isPraise = /grazie|fantastici/i.test(text);
    const entities: Entity[] = [];
    for (const match of text.matchAll(/\b[A-Z]-\d+\b/g))
      entities.push({
        kind: 'order-number',
        text: match[0],
        value: match[0],
        start: match.index,
        end: match.index + match[0].length,
      });
    for (const match of text.matchAll(/\S+@\S+\.\w+/g))
      entities.push({
        kind: 'email',
        text: match[0],
        value: match[0],
        start: match.index,
        end: match.index + match[0].length,
      });
    const triage: Triage = {
      language: 'it',
      languageConfidence: 0.99,
      actionable: !isPraise,
      kind: isPraise ? 'praise' : 'complaint',
      category: isPraise ? 'other' : 'delivery',
      categoryConfidence: 0.9,
      sentiment: isPraise ? 0.8 : -0.6,
      sentimentLabel: isPraise ? 'positive' : 'negative',
      urgency: [],
      entities,
      pii: [],
      scores: { complaint: isPraise ? 0.02 : 0.9, actionable: isPraise ? 0.05 : 0.95 },
      confidence: 0.9,
      explanation: isPraise ? ['praise words: grazie'] : ['complaint words: non arrivato'],
      model: 'fake@1',
    };
    return triage;
  },
};

const agent: Agent = {
  id: 'agent-anna',
  workspaceId: 'ws',
  email: 'anna@example.com',
  name: 'Anna',
  role: 'agent',
  skills: ['delivery'],
  languages: ['it'],
  teamIds: [],
  capacity: 10,
  presence: 'online',
  businessHoursId: null,
  rating: 4.5,
  averageFirstResponseMinutes: 20,
  createdAt: now,
};

export const emptyState = (): MemoryState => ({
  channels: [
    {
      id: 'ch-x',
      workspaceId: 'ws',
      kind: 'x',
      name: 'X',
      externalAccountId: '1',
      handle: '@ascolta_demo',
      settings: {},
      health: { state: 'ok', lastError: null, lastErrorAt: null, retryAfter: null },
      isActive: true,
      createdAt: now,
    },
  ],
  customers: [],
  identities: [],
  touchpoints: [],
  tickets: [],
  messages: [],
  events: [],
  agents: [agent],
  teams: [],
  businessHours: [],
  slaPolicies: [
    {
      id: 'sla',
      workspaceId: 'ws',
      name: 'Default',
      businessHoursId: null,
      targets: {
        low: { firstResponseMinutes: 480, nextResponseMinutes: 480, resolutionMinutes: 2880 },
        normal: { firstResponseMinutes: 120, nextResponseMinutes: 240, resolutionMinutes: 1440 },
        high: { firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: 480 },
        urgent: { firstResponseMinutes: 15, nextResponseMinutes: 30, resolutionMinutes: 240 },
      },
      breachRiskRatio: 0.2,
    },
  ],
  infoRequests: [
    {
      id: 'ir-delivery',
      workspaceId: 'ws',
      category: 'delivery',
      fields: [
        { name: 'orderNumber', entity: 'order-number', label: { it: "numero d'ordine" }, isRequired: true },
        { name: 'email', entity: 'email', label: { it: 'e-mail' }, isRequired: true },
      ],
      prompt: {},
      publicAcknowledgement: {},
      reminderAfterMinutes: 240,
    },
  ],
  templates: [],
  rules: [],
  incidents: [],
  settings: null,
  jobs: [],
});

/** An inbound tweet mentioning the brand on channel `ch-x`, as the ingest stores it (not yet processed). */
export const anInboundTweet = (id: string, text: string, overrides: Partial<Message> = {}): Message => ({
  id,
  workspaceId: 'ws',
  channelId: 'ch-x',
  channelKind: 'x',
  direction: 'inbound',
  type: 'mention',
  visibility: 'public',
  externalId: `tweet-${id}`,
  threadExternalId: `tweet-${id}`,
  inReplyToExternalId: null,
  customerId: null,
  ticketId: null,
  authorAgentId: null,
  authorHandle: '@giulia',
  authorExternalId: 'user-42',
  authorName: 'Giulia',
  authorFollowers: 120,
  authorIsVerified: false,
  text,
  language: null,
  subject: null,
  attachments: [],
  metadata: {},
  triage: null,
  ignoredReason: null,
  deliveryState: 'received',
  deliveryError: null,
  receivedAt: now,
  createdAt: now,
  ...overrides,
});
