import { createHmac, timingSafeEqual } from 'node:crypto';

const hmacBase64 = (secret: string, data: string | Uint8Array): string =>
  createHmac('sha256', secret).update(data).digest('base64');

/** The CRC answer: `sha256=` + base64 HMAC-SHA256(consumer secret, crc_token). */
export const crcResponseToken = (consumerSecret: string, crcToken: string): string =>
  `sha256=${hmacBase64(consumerSecret, crcToken)}`;

/** Checks `x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256(consumer secret, raw body)>` in constant time. */
export const verifyXSignature = (consumerSecret: string, rawBody: Uint8Array, header: string | undefined): boolean => {
  if (header === undefined) return false;
  const given = Buffer.from(header.trim(), 'utf8');
  const expected = Buffer.from(`sha256=${hmacBase64(consumerSecret, rawBody)}`, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
};
