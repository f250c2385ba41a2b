import type { ChannelConnector, Clock, ConnectorCapabilities, WebhookRequest } from '@ascolta/core';
import { standardWindowHours } from './messaging-window.ts';
import { parseMetaWebhook } from './parse-meta-webhook.ts';
import { type MetaChannelKind, sendMetaMessage } from './send-meta-message.ts';

export interface MetaConnectorOptions {
  kind: MetaChannelKind;
  /** Page id, Instagram professional account id or WhatsApp phone-number id. */
  accountId: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
  /** e.g. `https://graph.facebook.com/v21.0`, or the simulator's URL. */
  graphBaseUrl: string;
  clock: Clock;
}

const capabilities: Record<MetaChannelKind, ConnectorCapabilities> = {
  facebook: {
    webhook: true,
    pull: false,
    publicReply: true,
    privateReply: true,
    characterLimit: 8000,
    messagingWindowHours: null,
  },
  messenger: {
    webhook: true,
    pull: false,
    publicReply: false,
    privateReply: true,
    characterLimit: 2000,
    messagingWindowHours: standardWindowHours,
  },
  instagram: {
    webhook: true,
    pull: false,
    publicReply: true,
    privateReply: true,
    characterLimit: 1000,
    messagingWindowHours: standardWindowHours,
  },
  whatsapp: {
    webhook: true,
    pull: false,
    publicReply: false,
    privateReply: true,
    characterLimit: 4096,
    messagingWindowHours: standardWindowHours,
  },
};

/**
 * One Meta channel (a Page's feed, its Messenger inbox, an Instagram account or a WhatsApp number).
 * Webhooks of the whole app are parsed once by `parseMetaWebhook`; this connector keeps only the events
 * that belong to its own account.
 */
export const createMetaConnector = (options: MetaConnectorOptions): ChannelConnector => ({
  kind: options.kind,
  capabilities: capabilities[options.kind],
  async parseWebhook(request: WebhookRequest) {
    const result = parseMetaWebhook(request, options, options.clock.now());
    if (result.kind === 'challenge') return result;
    const events = result.events.filter(
      (event) =>
        event.accountExternalId === options.accountId &&
        (event.kind !== 'message' || event.message.channelKind === options.kind),
    );
    return { kind: 'events', events };
  },
  send: (message) => sendMetaMessage(options, message),
});
