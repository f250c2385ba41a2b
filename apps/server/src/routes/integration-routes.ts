import { createIntegrationStore } from '@ascolta/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiContext } from '../http/api-context.ts';
import { crmRoutes } from './crm-routes.ts';
import { webhookEndpointRoutes } from './webhook-endpoint-routes.ts';

/** Outbound webhooks and the CRM, on the integrations' tables beside the store. */
export const integrationRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, context) => {
  const integrations = createIntegrationStore(context.store);
  await app.register(webhookEndpointRoutes(integrations), context);
  await app.register(crmRoutes(integrations), context);
};
