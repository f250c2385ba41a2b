import { parseXWebhook } from '@ascolta/channel-x';
import type { FastifyPluginAsync } from 'fastify';
import { ingestWebhookEvents } from './ingest-webhook-events.ts';
import { keepRawBodies, toWebhookRequest } from './webhook-request.ts';
import { defaultWebhookBodyLimitBytes, type WebhookRoutesOptions } from './webhook-routes-options.ts';

/** `GET/POST /webhooks/x`: the CRC challenge and Account Activity deliveries (X retries a non-200 within 3 s). */
export const xWebhookRoutes: FastifyPluginAsync<WebhookRoutesOptions> = async (app, options) => {
  keepRawBodies(app);
  const bodyLimit = options.bodyLimitBytes ?? defaultWebhookBodyLimitBytes;
  const context = { ...options, statusKinds: [] };

  app.get('/webhooks/x', { schema: { hide: true } }, async (request, response) => {
    const result = parseXWebhook(toWebhookRequest(request), options.xConsumerSecret, options.clock.now());
    if (result.kind !== 'challenge') throw new Error('a GET is always a CRC challenge');
    return response.type(result.contentType).send(result.body);
  });

  app.post('/webhooks/x', { bodyLimit, schema: { hide: true } }, async (request) => {
    const result = parseXWebhook(toWebhookRequest(request), options.xConsumerSecret, options.clock.now());
    if (result.kind !== 'events') throw new Error('a POST is always a delivery');
    const summary = await ingestWebhookEvents(context, result.events);
    if (summary.ignored.length > 0) request.log.info({ ignored: summary.ignored }, 'x webhook: events ignored');
    return summary;
  });
};
