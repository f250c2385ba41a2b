import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Header `X-Ascolta-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
 * The timestamp is inside the signed string, so a captured delivery cannot be replayed after the tolerance.
 */
export const customSignatureHeader = 'x-ascolta-signature';
export const customSignatureToleranceSeconds = 300;

const hmacHex = (secret: string, timestamp: number, rawBody: Uint8Array): string =>
  createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');

export const signCustomBody = (secret: string, rawBody: Uint8Array, now: Date): string => {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, rawBody)}`;
};

export type CustomSignatureCheck = 'valid' | 'missing' | 'mismatch' | 'expired';

export const checkCustomSignature = (
  secret: string,
  rawBody: Uint8Array,
  header: string | undefined,
  now: Date,
): CustomSignatureCheck => {
  const parts = new Map((header ?? '').split(',').map((part) => part.trim().split('=', 2) as [string, string]));
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1');
  if (!Number.isInteger(timestamp) || given === undefined) return 'missing';
  const expected = Buffer.from(hmacHex(secret, timestamp, rawBody), 'utf8');
  const givenBytes = Buffer.from(given.toLowerCase(), 'utf8');
  if (givenBytes.length !== expected.length || !timingSafeEqual(givenBytes, expected)) return 'mismatch';
  const skewSeconds = Math.abs(now.getTime() / 1000 - timestamp);
  return skewSeconds > customSignatureToleranceSeconds ? 'expired' : 'valid';
};
