import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`. The raw bytes are signed,
 * so re-serialised JSON never matches; the comparison is constant-time.
 */
export const verifyMetaSignature = (appSecret: string, rawBody: Uint8Array, header: string | undefined): boolean => {
  if (header === undefined || !header.startsWith('sha256=')) return false;
  const given = Buffer.from(header.slice('sha256='.length).trim().toLowerCase(), 'utf8');
  const expected = Buffer.from(createHmac('sha256', appSecret).update(rawBody).digest('hex'), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
};
