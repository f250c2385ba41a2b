import { valueTiers, webhookDeliveryStatuses, webhookEventTypes } from '@ascolta/core';
import { z } from 'zod';

/** An absolute http(s) URL without credentials or fragment: where Ascolta sends webhooks or CRM calls. */
export const integrationUrl = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .superRefine((value, context) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      context.addIssue({ code: 'custom', message: 'must be an absolute URL such as https://crm.example.com/hooks' });
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      context.addIssue({ code: 'custom', message: `must use http or https, not ${url.protocol.replace(/:$/, '')}` });
    }
    if (url.username !== '' || url.password !== '') {
      context.addIssue({ code: 'custom', message: 'must not carry a user name or password (use the token instead)' });
    }
    if (url.hash !== '') context.addIssue({ code: 'custom', message: 'must not have a #fragment' });
  });

const eventTypes = z.array(z.enum(webhookEventTypes)).min(1, 'subscribe to at least one event type');

export const webhookEndpointDto = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.enum(webhookEventTypes)),
  isActive: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type WebhookEndpointDto = z.infer<typeof webhookEndpointDto>;
export const webhookEndpointList = z.object({ items: z.array(webhookEndpointDto) });

export const createWebhookEndpointBody = z.object({
  url: integrationUrl,
  description: z.string().trim().max(500).default(''),
  eventTypes,
  isActive: z.boolean().default(true),
});

/** Any subset; `isActive: false` disables the endpoint (events meanwhile are not sent to it). */
export const updateWebhookEndpointBody = z
  .object({
    url: integrationUrl,
    description: z.string().trim().max(500),
    eventTypes,
    isActive: z.boolean(),
  })
  .partial();

/** The signing secret appears here once (creation, rotation); store it now. */
export const webhookEndpointWithSecret = z.object({ endpoint: webhookEndpointDto, secret: z.string() });

export const webhookDeliveryDto = z.object({
  id: z.string().describe('The `webhook-id` header: the same on every retry and redelivery'),
  endpointId: z.string(),
  eventId: z.string(),
  eventSequence: z.number().int(),
  eventType: z.enum(webhookEventTypes),
  status: z.enum(webhookDeliveryStatuses),
  attemptCount: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  lastAttemptAt: z.iso.datetime().nullable(),
  nextAttemptAt: z.iso.datetime().nullable(),
  succeededAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type WebhookDeliveryDto = z.infer<typeof webhookDeliveryDto>;

export const webhookDeliveryQuery = z.object({
  status: z.enum(webhookDeliveryStatuses).optional(),
  /** Paging: the `nextCursor` of the previous page. */
  cursor: z.string().regex(/^\d+$/, 'must be the nextCursor of a previous page').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export const webhookDeliveryPage = z.object({ items: z.array(webhookDeliveryDto), nextCursor: z.string().nullable() });

export const crmSettingsDto = z.object({
  lookupUrl: z.string().nullable(),
  createUrl: z.string().nullable(),
  /** The token itself is never shown again. */
  hasAuthToken: z.boolean(),
  timeoutMs: z.number().int(),
  cacheTtlSeconds: z.number().int(),
  isEnabled: z.boolean(),
});
export type CrmSettingsDto = z.infer<typeof crmSettingsDto>;

export const crmSettingsBody = z.object({
  lookupUrl: integrationUrl.nullable().default(null),
  createUrl: integrationUrl.nullable().default(null),
  /** Omit to keep the stored token, null to remove it. */
  authToken: z.string().trim().min(8, 'must be at least 8 characters').max(500).nullable().optional(),
  timeoutMs: z.number().int().min(100, 'must be at least 100 ms').max(30_000, 'must be at most 30000 ms').default(5000),
  cacheTtlSeconds: z
    .number()
    .int()
    .min(0)
    .max(30 * 86_400, 'must be at most 30 days')
    .default(86_400),
  isEnabled: z.boolean().default(true),
});

export const createInCrmBody = z.object({
  /** Post again even when the ticket already has a CRM reference. */
  force: z.boolean().default(false),
});

export const crmTicketLinkDto = z.object({
  ticketId: z.string(),
  crmReference: z.string(),
  crmUrl: z.string().nullable(),
  /** False when the ticket already had a reference and nothing was posted. */
  created: z.boolean(),
});

/** What the company's CRM answers to a look-up (HTTP 404 or `{ "found": false }`: unknown customer). */
export const crmLookupAnswer = z.union([
  z.object({ found: z.literal(false) }),
  z.object({
    found: z.literal(true).optional(),
    crmId: z.string().min(1),
    valueTier: z.enum(valueTiers).optional(),
    lifetimeValueCents: z.number().int().min(0).optional(),
    purchasesCount: z.number().int().min(0).optional(),
    purchases: z
      .array(
        z.object({
          id: z.string(),
          at: z.string().optional(),
          amountCents: z.number().int().optional(),
          description: z.string().optional(),
        }),
      )
      .max(1000)
      .optional(),
  }),
]);

/** What the company's CRM answers to "create in CRM". */
export const crmCreateAnswer = z.object({
  reference: z.string().min(1),
  url: z.string().optional(),
  /** The CRM's id of the customer, stored on the customer when Ascolta had none. */
  customerCrmId: z.string().min(1).optional(),
});
