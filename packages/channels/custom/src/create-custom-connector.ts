import {
  type ChannelConnector,
  type Clock,
  ConnectorError,
  type OutboundMessage,
  type SendResult,
} from '@ascolta/core';
import { z } from 'zod';
import { customSignatureHeader, signCustomBody } from './custom-signature.ts';
import { parseCustomWebhook } from './parse-custom-webhook.ts';

export interface CustomConnectorOptions {
  /** The id in `/webhooks/custom/:channelId` (the channel's external account id). */
  channelId: string;
  /** Shared with the source: signs deliveries in both directions. */
  secret: string;
  /** Where replies are POSTed, signed like inbound deliveries; null for a listen-only source. */
  callbackUrl: string | null;
  clock: Clock;
}

const replyAccepted = z.object({ id: z.string() });
const defaultRetryAfterSeconds = 60;

/** Any other source: signed JSON in, signed JSON replies out to the source's callback URL. */
export const createCustomConnector = (options: CustomConnectorOptions): ChannelConnector => ({
  kind: 'custom',
  capabilities: {
    webhook: true,
    pull: false,
    publicReply: options.callbackUrl !== null,
    privateReply: options.callbackUrl !== null,
    characterLimit: null,
    messagingWindowHours: null,
  },
  parseWebhook: async (request) => parseCustomWebhook(request, options, options.clock.now()),
  send: (message) => sendToCallback(options, message),
});

const sendToCallback = async (options: CustomConnectorOptions, message: OutboundMessage): Promise<SendResult> => {
  if (options.callbackUrl === null)
    throw new ConnectorError('permanent', 'this custom channel has no callback URL for replies');
  const body = Buffer.from(
    JSON.stringify({
      channelId: options.channelId,
      threadId: message.threadExternalId,
      inReplyToId: message.inReplyToExternalId,
      recipientId: message.recipientExternalId,
      visibility: message.visibility,
      text: message.text,
    }),
  );
  let response: Response;
  try {
    response = await fetch(options.callbackUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [customSignatureHeader]: signCustomBody(options.secret, body, options.clock.now()),
      },
      body,
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new ConnectorError('temporary', `callback unreachable: ${error instanceof Error ? error.message : error}`);
  }
  const text = await response.text();
  if (!response.ok) throw callbackError(response.status, text, response.headers);
  const accepted = replyAccepted.safeParse(safeJson(text));
  if (!accepted.success) throw new ConnectorError('temporary', 'the callback did not answer {"id": …}');
  return { externalId: accepted.data.id, threadExternalId: message.threadExternalId };
};

const callbackError = (status: number, text: string, headers: Headers): ConnectorError => {
  const detail = `HTTP ${status} ${text.slice(0, 200)}`;
  if (status === 401 || status === 403)
    return new ConnectorError('auth-expired', `callback refused our signature: ${detail}`);
  if (status === 429) {
    const retryAfter = Number(headers.get('retry-after'));
    return new ConnectorError(
      'rate-limited',
      `callback rate limit: ${detail}`,
      retryAfter > 0 ? retryAfter : defaultRetryAfterSeconds,
    );
  }
  if (status >= 500) return new ConnectorError('temporary', `callback failed: ${detail}`);
  return new ConnectorError('permanent', `callback rejected the reply: ${detail}`);
};

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
