import type { Repositories } from '../ports/store.ts';
import type { CrmConnection, CrmLookup, CrmTicketLink } from './crm.ts';
import type { WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint } from './webhook-endpoint.ts';

export interface WebhookEndpointRepository {
  insert(endpoint: WebhookEndpoint): Promise<void>;
  get(workspaceId: string, id: string): Promise<WebhookEndpoint | null>;
  list(workspaceId: string): Promise<WebhookEndpoint[]>;
  update(endpoint: WebhookEndpoint): Promise<void>;
  /** Deletes the endpoint and its delivery log. */
  delete(workspaceId: string, id: string): Promise<void>;
}

export interface WebhookDeliveryQuery {
  workspaceId: string;
  endpointId: string;
  status?: WebhookDeliveryStatus;
  /** Newest first; only deliveries of events before this sequence (paging). */
  beforeSequence?: number;
  limit?: number;
}

export interface WebhookDeliveryRepository {
  /** Inserts those whose endpoint has no delivery of their event yet (one statement); returns the ids inserted. */
  insertIfAbsent(deliveries: readonly WebhookDelivery[]): Promise<string[]>;
  get(workspaceId: string, id: string): Promise<WebhookDelivery | null>;
  findByEvent(endpointId: string, eventId: string): Promise<WebhookDelivery | null>;
  update(delivery: WebhookDelivery): Promise<void>;
  list(query: WebhookDeliveryQuery): Promise<WebhookDelivery[]>;
  /**
   * Deletes up to `limit` of the workspace's settled deliveries (succeeded, or failed for good) last changed
   * before `settledBefore`, oldest first; pending ones stay. Returns how many went: the delivery log's retention.
   */
  pruneSettled(workspaceId: string, settledBefore: Date, limit: number): Promise<number>;
}

/** How far an incremental reader of the event log has got in one workspace. */
export interface EventCursor {
  consumer: string;
  workspaceId: string;
  lastSequence: number;
  gapSeenAt: Date | null;
  updatedAt: Date;
}

export interface EventCursorRepository {
  /** Locks the cursor until the transaction ends (one reader at a time), creating it at `initialSequence`. */
  lock(consumer: string, workspaceId: string, initialSequence: number, now: Date): Promise<EventCursor>;
  save(cursor: EventCursor): Promise<void>;
  /** The sequences of every workspace's events after `afterSequence`, ascending: how a reader sees holes. */
  listSequencesAfter(afterSequence: number, limit: number): Promise<number[]>;
}

export interface CrmRepository {
  getConnection(workspaceId: string): Promise<CrmConnection | null>;
  putConnection(connection: CrmConnection): Promise<void>;
  getLookup(workspaceId: string, lookupKey: string): Promise<CrmLookup | null>;
  putLookup(lookup: CrmLookup): Promise<void>;
  getTicketLink(workspaceId: string, ticketId: string): Promise<CrmTicketLink | null>;
  putTicketLink(link: CrmTicketLink): Promise<void>;
}

/** The integrations' tables, beside the core repositories. */
export interface IntegrationRepositories {
  webhookEndpoints: WebhookEndpointRepository;
  webhookDeliveries: WebhookDeliveryRepository;
  eventCursors: EventCursorRepository;
  crm: CrmRepository;
}

/** The integrations' repositories on the store's database, with transactions spanning both sets. */
export interface IntegrationStore extends IntegrationRepositories {
  transaction<T>(work: (tx: Repositories & IntegrationRepositories) => Promise<T>): Promise<T>;
}
