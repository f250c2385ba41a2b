import { createHmac, randomBytes } from 'node:crypto';

const secretPrefix = 'whsec_';

/** A new Standard Webhooks secret: `whsec_` and 24 random bytes in base64. */
export const generateWebhookSecret = (): string => `${secretPrefix}${randomBytes(24).toString('base64')}`;

/**
 * The `webhook-signature` header: `v1,` and the base64 HMAC-SHA256 of `{id}.{timestamp}.{body}`, keyed with
 * the base64-decoded part of the secret after `whsec_` (Standard Webhooks, symmetric signature).
 */
export const signWebhook = (secret: string, id: string, timestampSeconds: number, body: string): string => {
  const key = Buffer.from(secret.startsWith(secretPrefix) ? secret.slice(secretPrefix.length) : secret, 'base64');
  const digest = createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${digest}`;
};
