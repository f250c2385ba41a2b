/**
 * Background work that talks to the outside world or waits for time. Each job's payload type is
 * listed here so a producer and its worker cannot disagree on the shape.
 */
export interface JobPayloads {
  'inbound.process': { workspaceId: string; messageId: string };
  'outbound.send': { workspaceId: string; messageId: string };
  'sla.check': { workspaceId: string; ticketId: string };
  /** Brings a snoozed ticket back to `open` at `until` (ISO) unless it moved on or was snoozed again meanwhile. */
  'ticket.wake': { workspaceId: string; ticketId: string; until: string };
  /** Sends the one reminder of an information request if the ticket still waits for the customer. */
  'info-request.remind': { workspaceId: string; ticketId: string; text: string };
  'channel.poll': { workspaceId: string; channelId: string };
  /** Sends the survey of one resolution; `resolvedAt` (ISO) tells a reopened and re-resolved ticket apart. */
  'survey.send': { workspaceId: string; ticketId: string; resolvedAt?: string; isAutomated?: boolean };
  'webhook.deliver': { workspaceId: string; eventId: string; endpointId: string };
  /** Reads the workspace's new events in order: queues webhook deliveries and CRM look-ups, then runs again. */
  'events.dispatch': { workspaceId: string };
  /** Asks the company's CRM about a customer and updates their value tier, lifetime value and CRM id. */
  /** `attempt`: 1 for the first look-up; a failed one is tried again a few times, later each time. */
  'crm.enrich': { workspaceId: string; customerId: string; attempt?: number };
}

export type JobName = keyof JobPayloads;

export interface JobOptions {
  /** Do not run before this time. */
  startAfter?: Date;
  /** A second job with the same key while the first is queued is dropped. */
  singletonKey?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
}

export interface JobQueue {
  /** Enqueues a job; inside a store transaction it commits or rolls back with that transaction. */
  send<N extends JobName>(name: N, data: JobPayloads[N], options?: JobOptions): Promise<string | null>;
  /** Enqueues several jobs in one statement, each as `send` would (a queued singleton key drops the newcomer). */
  sendMany(jobs: readonly QueuedJob[]): Promise<void>;
}

export type QueuedJob = { [N in JobName]: { name: N; data: JobPayloads[N]; options?: JobOptions } }[JobName];

export type JobHandler<N extends JobName> = (job: { id: string; name: N; data: JobPayloads[N] }) => Promise<void>;
