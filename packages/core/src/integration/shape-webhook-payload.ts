import type { DomainEvent } from '../events/domain-event.ts';

/** The JSON body of a delivery (Standard Webhooks' `{type, timestamp, data}`). */
export interface WebhookPayload {
  type: DomainEvent['type'];
  /** When the event happened (ISO 8601); `webhook-timestamp` is when this attempt was sent. */
  timestamp: string;
  data: {
    eventId: string;
    sequence: number;
    workspaceId: string;
    ticketId: string | null;
    customerId: string | null;
    actor: DomainEvent['actor'];
  } & Readonly<Record<string, unknown>>;
}

/** The event's own fields come after the envelope's, which they never name (`eventId`, `sequence`…). */
export const shapeWebhookPayload = (event: DomainEvent & { sequence: number }): WebhookPayload => ({
  type: event.type,
  timestamp: event.occurredAt.toISOString(),
  data: {
    ...event.data,
    eventId: event.id,
    sequence: event.sequence,
    workspaceId: event.workspaceId,
    ticketId: event.ticketId,
    customerId: event.customerId,
    actor: event.actor,
  },
});
