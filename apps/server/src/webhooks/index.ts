import type { FastifyInstance } from 'fastify';
import { customWebhookRoutes } from './custom-webhook-routes.ts';
import { metaWebhookRoutes } from './meta-webhook-routes.ts';
import type { WebhookRoutesOptions } from './webhook-routes-options.ts';
import { xWebhookRoutes } from './x-webhook-routes.ts';

export { customWebhookRoutes } from './custom-webhook-routes.ts';
export { type IngestSummary, ingestWebhookEvents } from './ingest-webhook-events.ts';
export { metaWebhookRoutes } from './meta-webhook-routes.ts';
export type { WebhookRoutesOptions } from './webhook-routes-options.ts';
export { xWebhookRoutes } from './x-webhook-routes.ts';

/** Registers the three webhook plugins, each in its own encapsulated context (raw-body parsers stay inside). */
export const registerWebhookRoutes = async (app: FastifyInstance, options: WebhookRoutesOptions): Promise<void> => {
  await app.register(metaWebhookRoutes, options);
  await app.register(xWebhookRoutes, options);
  await app.register(customWebhookRoutes, options);
};
