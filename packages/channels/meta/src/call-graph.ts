import { ConnectorError } from '@ascolta/core';
import { graphErrorToConnectorError } from './graph-error-to-connector-error.ts';

/** POSTs JSON (or GETs, without a body) to the Graph API with a bearer token; failures come back as `ConnectorError`s. */
export const callGraph = async (
  baseUrl: string,
  path: string,
  accessToken: string,
  body: Record<string, unknown> | null,
): Promise<unknown> => {
  let response: Response;
  try {
    response = await fetch(`${baseUrl.replace(/\/$/, '')}/${path}`, {
      method: body === null ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      ...(body === null ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new ConnectorError('temporary', `Graph API unreachable: ${error instanceof Error ? error.message : error}`);
  }
  const text = await response.text();
  if (!response.ok) throw graphErrorToConnectorError(response.status, text, response.headers);
  try {
    return JSON.parse(text);
  } catch {
    throw new ConnectorError('temporary', `Graph API answered ${response.status} with a body that is not JSON`);
  }
};
