import type { Channel, Clock, IdGenerator, Store } from '@ascolta/core';

/** What the webhook plugins need; the app reads the secrets from configuration (demo values in demo mode). */
export interface WebhookRoutesOptions {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  metaAppSecret: string;
  metaVerifyToken: string;
  xConsumerSecret: string;
  /** The signing secret of a custom channel; defaults to its `settings.secret`. */
  customSecretOf?: (channel: Channel) => string | null;
  /** Larger deliveries are refused with 413 before any parsing. Default 1 MiB. */
  bodyLimitBytes?: number;
}

export const defaultWebhookBodyLimitBytes = 1024 * 1024;
