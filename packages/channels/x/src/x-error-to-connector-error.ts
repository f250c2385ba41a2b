import { ConnectorError } from '@ascolta/core';

/** Used when a 429 comes without `x-rate-limit-reset`: X windows are 15 minutes. */
const defaultRetryAfterSeconds = 900;

/**
 * Maps a failed X API v2 response (problem-details JSON) to the closed set. A 429 waits until
 * `x-rate-limit-reset` (epoch seconds).
 */
export const xErrorToConnectorError = (
  status: number,
  bodyText: string,
  headers: Headers,
  now: Date,
): ConnectorError => {
  const detail = `HTTP ${status} ${bodyText.slice(0, 300)}`;
  if (status === 401) return new ConnectorError('auth-expired', `X rejected the token: ${detail}`);
  if (status === 429)
    return new ConnectorError('rate-limited', `X rate limit: ${detail}`, retryAfterSeconds(headers, now));
  if (status >= 500) return new ConnectorError('temporary', `X unavailable: ${detail}`);
  return new ConnectorError('permanent', `X refused the request: ${detail}`);
};

const retryAfterSeconds = (headers: Headers, now: Date): number => {
  const reset = Number(headers.get('x-rate-limit-reset'));
  if (!Number.isFinite(reset) || reset <= 0) return defaultRetryAfterSeconds;
  return Math.max(1, Math.ceil(reset - now.getTime() / 1000));
};
