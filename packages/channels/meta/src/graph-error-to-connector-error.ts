import { ConnectorError } from '@ascolta/core';
import { z } from 'zod';

const graphErrorBody = z.object({
  error: z.object({
    message: z.string().default(''),
    code: z.number().optional(),
    error_subcode: z.number().optional(),
  }),
});

const usageEntry = z.object({ estimated_time_to_regain_access: z.number().optional() });
const businessUseCaseUsage = z.record(z.string(), z.array(usageEntry));

/** Throttling codes of the Graph API (app, user, Pages, custom, and the business-use-case family). */
const rateLimitCodes = new Set([
  4, 17, 32, 341, 613, 80000, 80001, 80002, 80003, 80004, 80005, 80006, 80008, 80009, 80014,
]);
const authCodes = new Set([102, 190]);
const transientCodes = new Set([1, 2]);
/** When Meta gives no estimate, wait a slice of its rolling one-hour window rather than hammering it. */
const defaultRetryAfterSeconds = 300;

/** Maps a failed Graph API response to the connector's closed set of failures. */
export const graphErrorToConnectorError = (status: number, bodyText: string, headers: Headers): ConnectorError => {
  const parsed = graphErrorBody.safeParse(safeJson(bodyText));
  const code = parsed.success ? parsed.data.error.code : undefined;
  const detail = parsed.success ? `(#${code ?? '?'}) ${parsed.data.error.message}` : `HTTP ${status}`;
  if ((code !== undefined && authCodes.has(code)) || status === 401) {
    return new ConnectorError('auth-expired', `Graph API token rejected: ${detail}`);
  }
  if ((code !== undefined && rateLimitCodes.has(code)) || status === 429) {
    return new ConnectorError('rate-limited', `Graph API rate limit: ${detail}`, retryAfterSeconds(headers));
  }
  if ((code !== undefined && transientCodes.has(code)) || status >= 500) {
    return new ConnectorError('temporary', `Graph API unavailable: ${detail}`);
  }
  return new ConnectorError('permanent', `Graph API refused the message: ${detail}`);
};

/** The longest `estimated_time_to_regain_access` (minutes) in `X-Business-Use-Case-Usage`, in seconds. */
const retryAfterSeconds = (headers: Headers): number => {
  const usage = businessUseCaseUsage.safeParse(safeJson(headers.get('x-business-use-case-usage') ?? ''));
  if (!usage.success) return defaultRetryAfterSeconds;
  const minutes = Object.values(usage.data)
    .flat()
    .map((entry) => entry.estimated_time_to_regain_access ?? 0);
  const longest = Math.max(0, ...minutes);
  return longest > 0 ? longest * 60 : defaultRetryAfterSeconds;
};

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
