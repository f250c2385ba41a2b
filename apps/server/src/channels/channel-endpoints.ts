import type { Clock } from '@ascolta/core';

/**
 * What the app knows about the outside world, from configuration: base URLs, app secrets and fallback
 * tokens. A channel's own settings (its token, its SMTP server) win over these.
 */
export interface ChannelEndpoints {
  clock: Clock;
  meta: { graphUrl: string; appSecret: string; verifyToken: string; accessToken: string | null };
  x: { apiUrl: string; consumerSecret: string; accessToken: string | null };
  smtpRelay: { host: string; port: number; secure: boolean } | null;
}
