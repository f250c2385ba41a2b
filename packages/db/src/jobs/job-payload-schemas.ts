import type { JobName, JobPayloads } from '@ascolta/core';
import { z } from 'zod';

const workspaceId = z.string().min(1);

/** Payloads are parsed when a job comes off the queue: a job written by an older release fails loudly. */
export const jobPayloadSchemas: { [N in JobName]: z.ZodType<JobPayloads[N]> } = {
  'inbound.process': z.object({ workspaceId, messageId: z.string().min(1) }),
  'outbound.send': z.object({ workspaceId, messageId: z.string().min(1) }),
  'sla.check': z.object({ workspaceId, ticketId: z.string().min(1) }),
  'ticket.wake': z.object({ workspaceId, ticketId: z.string().min(1), until: z.string().min(1) }),
  'info-request.remind': z.object({ workspaceId, ticketId: z.string().min(1), text: z.string() }),
  'channel.poll': z.object({ workspaceId, channelId: z.string().min(1) }),
  'survey.send': z.object({
    workspaceId,
    ticketId: z.string().min(1),
    resolvedAt: z.iso.datetime().optional(),
    isAutomated: z.boolean().optional(),
  }),
  'webhook.deliver': z.object({ workspaceId, eventId: z.string().min(1), endpointId: z.string().min(1) }),
  'events.dispatch': z.object({ workspaceId }),
  'crm.enrich': z.object({ workspaceId, customerId: z.string().min(1), attempt: z.number().int().min(1).optional() }),
};

/** Every queue pg-boss must know before a job can be sent to it. */
export const jobNames = Object.keys(jobPayloadSchemas) as JobName[];
