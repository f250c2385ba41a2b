import { createCustomConnector } from '@ascolta/channel-custom';
import { createEmailConnector, emailConnectorConfig } from '@ascolta/channel-email';
import { createMetaConnector } from '@ascolta/channel-meta';
import { createXConnector } from '@ascolta/channel-x';
import { type Channel, type ChannelConnector, type ChannelKind, ConnectorError } from '@ascolta/core';
import type { ChannelEndpoints } from './channel-endpoints.ts';
import {
  customChannelSettings,
  emailChannelSettings,
  metaChannelSettings,
  xChannelSettings,
} from './channel-settings.ts';

/** A connector for one stored channel; `close` releases what it holds (SMTP connections). */
export interface BuiltConnector {
  connector: ChannelConnector;
  close(): void;
}

export interface ConnectorOptions {
  /**
   * A stable key for what is being sent: e-mail uses it as the Message-ID, so a send repeated after a
   * crash carries the same id and mail clients show it once.
   */
  sendKey?: string;
}

type Builder = (channel: Channel, endpoints: ChannelEndpoints, options: ConnectorOptions) => BuiltConnector;

const missingToken = (channel: Channel): never => {
  throw new ConnectorError('auth-expired', `channel ${channel.name} has no access token configured`);
};

const meta: Builder = (channel, endpoints) => {
  const settings = metaChannelSettings.parse(channel.settings);
  if (channel.kind === 'x' || channel.kind === 'email' || channel.kind === 'custom') {
    throw new Error(`not a Meta channel: ${channel.kind}`);
  }
  const connector = createMetaConnector({
    kind: channel.kind,
    accountId: channel.externalAccountId,
    accessToken: settings.accessToken ?? endpoints.meta.accessToken ?? missingToken(channel),
    appSecret: endpoints.meta.appSecret,
    verifyToken: endpoints.meta.verifyToken,
    graphBaseUrl: endpoints.meta.graphUrl,
    clock: endpoints.clock,
  });
  return { connector, close: () => undefined };
};

const x: Builder = (channel, endpoints) => {
  const settings = xChannelSettings.parse(channel.settings);
  const connector = createXConnector({
    accountId: channel.externalAccountId,
    handle: (channel.handle ?? '').replace(/^@/, ''),
    consumerSecret: endpoints.x.consumerSecret,
    accessToken: settings.accessToken ?? endpoints.x.accessToken ?? missingToken(channel),
    apiBaseUrl: endpoints.x.apiUrl,
    clock: endpoints.clock,
    ...(settings.brandTerms === undefined ? {} : { brandTerms: settings.brandTerms }),
  });
  return { connector, close: () => undefined };
};

const email: Builder = (channel, endpoints, options) => {
  const settings = emailChannelSettings.parse(channel.settings);
  const smtp = settings.smtp ?? endpoints.smtpRelay;
  if (smtp === null) {
    throw new ConnectorError('permanent', `channel ${channel.name} has no SMTP server: set SMTP_RELAY_URL`);
  }
  const config = emailConnectorConfig.parse({
    mailbox: {
      address: channel.externalAccountId,
      displayName: settings.displayName ?? null,
      aliases: settings.aliases ?? [],
    },
    smtp,
    imap: settings.imap ?? null,
  });
  const { sendKey } = options;
  const connector = createEmailConnector(config, {
    now: () => endpoints.clock.now(),
    ...(sendKey === undefined ? {} : { newId: () => sendKey }),
  });
  return { connector, close: () => connector.close() };
};

const custom: Builder = (channel, endpoints) => {
  const settings = customChannelSettings.parse(channel.settings);
  const connector = createCustomConnector({
    channelId: channel.externalAccountId,
    secret: settings.secret,
    callbackUrl: settings.callbackUrl ?? null,
    clock: endpoints.clock,
  });
  return { connector, close: () => undefined };
};

const builders: Record<ChannelKind, Builder> = {
  x,
  facebook: meta,
  messenger: meta,
  instagram: meta,
  whatsapp: meta,
  email,
  custom,
};

/** Builds the connector of a stored channel from its settings and the app's endpoints. */
export const buildChannelConnector = (
  channel: Channel,
  endpoints: ChannelEndpoints,
  options: ConnectorOptions = {},
): BuiltConnector => builders[channel.kind](channel, endpoints, options);
