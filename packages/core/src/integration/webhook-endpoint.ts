import type { DomainEventType } from '../events/domain-event.ts';

/** The domain events an endpoint can subscribe to: what a CRM or a chat room cares about. */
export const webhookEventTypes = [
  'ticket.opened',
  'ticket.assigned',
  'ticket.replied',
  'ticket.resolved',
  'ticket.status-changed',
  'ticket.prioritised',
  'ticket.sla-breached',
  'ticket.merged',
  'ticket.crm-linked',
  'customer.created',
  'customer.enriched',
  'customer.merged',
  'incident.opened',
  'incident.solution-published',
  'survey.answered',
  'survey.low-score',
  'message.received',
  'message.sent',
  'message.failed',
] as const satisfies readonly DomainEventType[];
export type WebhookEventType = (typeof webhookEventTypes)[number];

export const isWebhookEventType = (type: string): type is WebhookEventType =>
  (webhookEventTypes as readonly string[]).includes(type);

/** A URL of the company's that receives signed event notifications. */
export interface WebhookEndpoint {
  id: string;
  workspaceId: string;
  url: string;
  description: string;
  eventTypes: readonly WebhookEventType[];
  /** `whsec_<base64 of the key>` (Standard Webhooks). */
  secret: string;
  isActive: boolean;
  /** Events up to this sequence happened before the endpoint existed and are not sent to it. */
  startSequence: number;
  createdAt: Date;
  updatedAt: Date;
}

export const webhookDeliveryStatuses = ['pending', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/** One event for one endpoint: its id is the `webhook-id` header, the same on every retry. */
export interface WebhookDelivery {
  id: string;
  workspaceId: string;
  endpointId: string;
  eventId: string;
  eventSequence: number;
  eventType: WebhookEventType;
  status: WebhookDeliveryStatus;
  /** HTTP attempts ever made, manual redeliveries included. */
  attemptCount: number;
  /** Attempts since the delivery was (re)queued; it gives up when this reaches the limit. */
  roundAttempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  succeededAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}
