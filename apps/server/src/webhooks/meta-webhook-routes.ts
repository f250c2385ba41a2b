import { parseMetaWebhook } from '@ascolta/channel-meta';
import type { FastifyPluginAsync } from 'fastify';
import { ingestWebhookEvents } from './ingest-webhook-events.ts';
import { keepRawBodies, toWebhookRequest } from './webhook-request.ts';
import { defaultWebhookBodyLimitBytes, type WebhookRoutesOptions } from './webhook-routes-options.ts';

/**
 * `GET/POST /webhooks/meta`: one endpoint for the whole Meta app (Page feed, Messenger, Instagram,
 * WhatsApp). Deliveries for accounts we do not know still get 200, or Meta would retry them for days.
 */
export const metaWebhookRoutes: FastifyPluginAsync<WebhookRoutesOptions> = async (app, options) => {
  keepRawBodies(app);
  const secrets = { appSecret: options.metaAppSecret, verifyToken: options.metaVerifyToken };
  const bodyLimit = options.bodyLimitBytes ?? defaultWebhookBodyLimitBytes;
  const context = { ...options, statusKinds: ['whatsapp', 'messenger', 'instagram'] as const };

  app.get('/webhooks/meta', { schema: { hide: true } }, async (request, response) => {
    const result = parseMetaWebhook(toWebhookRequest(request), secrets, options.clock.now());
    if (result.kind !== 'challenge') throw new Error('a GET is always a verification handshake');
    return response.type(result.contentType).send(result.body);
  });

  app.post('/webhooks/meta', { bodyLimit, schema: { hide: true } }, async (request) => {
    const result = parseMetaWebhook(toWebhookRequest(request), secrets, options.clock.now());
    if (result.kind !== 'events') throw new Error('a POST is always a delivery');
    const summary = await ingestWebhookEvents(context, result.events);
    if (summary.ignored.length > 0) request.log.info({ ignored: summary.ignored }, 'meta webhook: events ignored');
    return summary;
  });
};
