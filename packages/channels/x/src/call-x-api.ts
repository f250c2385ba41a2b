import { ConnectorError } from '@ascolta/core';
import { xErrorToConnectorError } from './x-error-to-connector-error.ts';

export interface XApiTarget {
  /** `https://api.twitter.com` or the simulator's URL. */
  apiBaseUrl: string;
  /** An OAuth 2.0 user-context access token of the brand account. */
  accessToken: string;
}

/** Calls X API v2; failures come back as `ConnectorError`s, success as parsed JSON. */
export const callXApi = async (
  target: XApiTarget,
  method: 'GET' | 'POST',
  path: string,
  now: Date,
  body?: Record<string, unknown>,
): Promise<unknown> => {
  let response: Response;
  try {
    response = await fetch(`${target.apiBaseUrl.replace(/\/$/, '')}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${target.accessToken}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new ConnectorError('temporary', `X unreachable: ${error instanceof Error ? error.message : error}`);
  }
  const text = await response.text();
  if (!response.ok) throw xErrorToConnectorError(response.status, text, response.headers, now);
  try {
    return JSON.parse(text);
  } catch {
    throw new ConnectorError('temporary', `X answered ${response.status} with a body that is not JSON`);
  }
};
