import { parseCustomWebhook } from '@ascolta/channel-custom';
import { type Channel, DomainError } from '@ascolta/core';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { ingestWebhookEvents } from './ingest-webhook-events.ts';
import { keepRawBodies, toWebhookRequest } from './webhook-request.ts';
import { defaultWebhookBodyLimitBytes, type WebhookRoutesOptions } from './webhook-routes-options.ts';

const params = z.object({ channelId: z.string().min(1).max(200) });
const secretSetting = z.object({ secret: z.string().min(1) });

const settingsSecret = (channel: Channel): string | null => {
  const parsed = secretSetting.safeParse(channel.settings);
  return parsed.success ? parsed.data.secret : null;
};

/**
 * `POST /webhooks/custom/:channelId`: any other source, signed with `X-Ascolta-Signature`
 * (`t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, 5 minutes tolerance).
 */
export const customWebhookRoutes: FastifyPluginAsync<WebhookRoutesOptions> = async (app, options) => {
  keepRawBodies(app);
  const bodyLimit = options.bodyLimitBytes ?? defaultWebhookBodyLimitBytes;
  const secretOf = options.customSecretOf ?? settingsSecret;

  app.post('/webhooks/custom/:channelId', { bodyLimit, schema: { hide: true } }, async (request) => {
    const { channelId } = params.parse(request.params);
    const channel = await options.store.channels.findByExternalAccount('custom', channelId);
    if (channel === null || !channel.isActive)
      throw new DomainError('unknown-channel', `no custom channel ${channelId}`);
    const secret = secretOf(channel);
    if (secret === null) throw new DomainError('unknown-channel', `custom channel ${channelId} has no signing secret`);
    const result = parseCustomWebhook(toWebhookRequest(request), { channelId, secret }, options.clock.now());
    if (result.kind !== 'events') throw new Error('a custom delivery is always events');
    return ingestWebhookEvents({ ...options, statusKinds: [] }, result.events);
  });
};
